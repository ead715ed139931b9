/**
 * Common Thai given names and family names, as data for masking comments: a name from these
 * lists is masked even without a title before it ("สมชายเรียกเงิน"). The lists leave out names
 * that are also everyday words (อำนาจ power, ประเสริฐ excellent, ใจดี kind, มั่นคง stable …),
 * which would mask the comment's meaning; those are still masked after a title. Prongsai's own
 * selection of frequent names; extend it freely.
 */
export const COMMON_GIVEN_NAMES: readonly string[] = `
สมชาย สมศักดิ์ สมหญิง สมพร สมบัติ สมปอง สมจิตร สมหมาย สมคิด สมเกียรติ สมพงษ์ สมนึก สมรักษ์
สุภาพร สุนทร สุรชัย สุรศักดิ์ สุวิทย์ สุชาติ สุนีย์ สุมาลี สุดารัตน์ สุพัตรา สุริยา สุวรรณา
วิชัย วิไล วันชัย วิโรจน์ วีระ วีระพงษ์ วิภาวดี วรวุฒิ วรรณา วิทยา
ประยุทธ ประภาส ประสิทธิ์ ประพันธ์ ประเสริฐศักดิ์ ประวิทย์ ปราณี ปิยะนุช ปิยะพงษ์
บุญชัย บุญเรือน บุญส่ง บุษบา ชัยวัฒน์ ชาญชัย ชนิดา ชุติมา ชูชาติ
ณัฐพล ณัฐวุฒิ ณัฐธิดา ธนพล ธนากร ธีรวัฒน์ ธีระ ธิดารัตน์ ทิพวรรณ
นพดล นิพนธ์ นงลักษณ์ นิตยา นันทนา พรทิพย์ พิมพ์ใจ พงษ์ศักดิ์ พิศมัย เพ็ญศรี
รัตนา ศิริพร ศักดิ์ชัย ศุภชัย อนุชา อภิชาติ อัญชลี อุไรวรรณ อรอุมา
กิตติพงษ์ กัญญารัตน์ เกศินี จันทร์เพ็ญ จิราพร จุฑามาศ ดวงใจ ภานุวัฒน์ ยุพิน ลำดวน
`
  .split(/\s+/)
  .filter(Boolean);

export const COMMON_FAMILY_NAMES: readonly string[] = `
แสงทอง ศรีสุข สุขสวัสดิ์ วงศ์ใหญ่ บุญมา แก้วมณี จันทร์หอม ศรีวงศ์ สายทอง พรหมมา ทองสุข
ชัยมงคล เจริญสุข แสงอรุณ บุญเรือง นาคสวัสดิ์ อินทร์แก้ว ศรีประเสริฐ วงศ์สวัสดิ์ กิตติวงศ์
แก้วประเสริฐ ทองมา สุวรรณรัตน์ ศรีทอง พึ่งบุญ จันทร์แก้ว บุญประเสริฐ รุ่งเรืองศรี
`
  .split(/\s+/)
  .filter(Boolean);
