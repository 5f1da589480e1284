/**
 * A problem that must stop the start, with a message meant for the person running the bot
 * (a bad setting, a YAML or skills file that does not validate, a data file that cannot be
 * read). main prints the message alone, without a stack trace.
 */
export class StartupError extends Error {}
