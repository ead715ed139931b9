/**
 * Words too common to tell anything about a comment (Thai particles, pronouns, connectives and
 * their English counterparts). A short list of our own: enough for the word counts to show the
 * words that carry meaning.
 */
const STOP_WORDS = new Set(
  [
    // Thai connectives, particles and common verbs of being
    'ที่ ไม่ และ ได้ ให้ มาก มี เป็น การ ความ ของ ใน ว่า จะ ก็ แล้ว กับ คือ หรือ แต่ ซึ่ง นี้ นั้น',
    'อยู่ ไป มา ด้วย โดย เพื่อ จาก ถึง ยัง ทุก อย่าง ครับ ค่ะ คะ นะ จ้ะ จ้า ควร เขา เรา ท่าน ผม ดิฉัน',
    'หนู พวก ทาง ซึ่ง อีก ยิ่ง เลย ต้อง เคย ขึ้น ลง ออก เข้า ตาม ระหว่าง เมื่อ หาก ถ้า จึง เพราะ',
    'บาง บ้าง กว่า สุด ค่อนข้าง ดัง นั่น นี่ ไหน อะไร ใคร ทำไม อัน ตัว ก่อน หลัง แค่ เท่านั้น',
    // English
    'the a an and or of to in is are was were be been for with on at it its this that these those',
    'very not no as by from but so if than then there their they we you i my our your he she',
  ]
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Whether a word is too common to count (compared lower-cased). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
