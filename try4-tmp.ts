import { extractLocation } from './src/complaints/extract-location.js'
for (const t of ['5号楼电梯坏了三天了没人修','7栋2单元的电梯又停了，老人天天爬十几楼','九號樓電梯又壞了','8幢电梯','十二栋3单元502室漏水','5-2-301楼上漏水','地下车库的灯坏了','小区东门的道闸坏了','1502在装修','503的住户半夜吵架','12楼有户人家养了一只烈性犬','楼道灯坏了','B区地面车位','楼道里堆满了纸箱','2026年的物业费','交了2000块','3号楼下面垃圾桶满了']) console.log(t, JSON.stringify(extractLocation(t)))
