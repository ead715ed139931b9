/**
 * Word lists the stakeholder-voice word counts ship as data (not rules in code):
 *
 * - `COMPOUND_WORDS`: whole words the Thai word breaker cuts into pieces ("เจ้า|หน้าที่",
 *   "ขวัญ|กำลัง|ใจ"); adjacent pieces that make one of them are joined back.
 * - `BOUND_PREFIXES`: pieces that only make words with what follows ("ผู้", "นัก"): joined to the
 *   next piece when no compound word applies.
 * - `VOICE_STOP_WORDS`: pieces that carry no topic of their own once the breaker has cut them
 *   ("กัน" of "ช่วยกัน", "ๆ"), added to the shared survey stop words.
 *
 * Add a word here when the voice page shows a fragment; the tests read these lists.
 */
export const COMPOUND_WORDS: readonly string[] = [
  // people
  'เจ้าหน้าที่',
  'เจ้าของ',
  'ผู้รับบริการ',
  'ผู้ใช้บริการ',
  'ผู้มาติดต่อ',
  'ผู้บริหาร',
  'ผู้บังคับบัญชา',
  'ผู้มีส่วนได้ส่วนเสีย',
  'ผู้ประกอบการ',
  'ผู้ปฏิบัติงาน',
  'บุคลากร',
  'ประชาชน',
  // work and service
  'ขวัญกำลังใจ',
  'กำลังใจ',
  'พึงพอใจ',
  'รับฟัง',
  'จัดซื้อจัดจ้าง',
  'ประชาสัมพันธ์',
  'ขั้นตอน',
  'ระยะเวลา',
  'ล่าช้า',
  'รวดเร็ว',
  'โปร่งใส',
  'ตรวจสอบ',
  'เปิดเผย',
  'เปิดเผยข้อมูล',
  'ทุจริต',
  'คอร์รัปชัน',
  'ผลประโยชน์ทับซ้อน',
  'สินบน',
  'ของขวัญ',
  'เลือกปฏิบัติ',
  'เป็นธรรม',
  'งบประมาณ',
  'สวัสดิการ',
  'ค่าตอบแทน',
  'ช่องทาง',
  'ออนไลน์',
  'เว็บไซต์',
  'ร้องเรียน',
  'เรื่องร้องเรียน',
  'หน้าที่',
  'ข้อเสนอแนะ',
  'เพิ่มเติม',
  'รับผิดชอบ',
];

export const BOUND_PREFIXES: readonly string[] = ['ผู้', 'นัก', 'เจ้า'];

export const VOICE_STOP_WORDS: readonly string[] = [
  'กัน',
  'ๆ',
  'ผู้',
  'เจ้า',
  'นัก',
  'ขวัญ',
  'ข้อ',
  'ใจ',
  'ทำ',
  'ควร',
  'เรื่อง',
  'ครั้ง',
  'คน',
  'ช่วย',
  'อยาก',
  'ขอ',
  'ให้',
];
