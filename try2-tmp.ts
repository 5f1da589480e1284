import { loadComplaintSkills } from './src/complaints/load-complaint-skills.js'
const s = loadComplaintSkills()
for (const c of s.categories.categories) console.log(c.id, c.variants.map(v=>v.id+':'+v.patterns.join('/')))
