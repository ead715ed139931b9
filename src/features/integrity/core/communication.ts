import type { Message } from '../../../core/errors.js';

/** Channels through which an agency tells people about its No Gift Policy. */
export const CHANNELS = [
  'meeting',
  'letter',
  'email',
  'website',
  'social',
  'poster',
  'training',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_NAMES: Record<Channel, Message> = {
  meeting: { th: 'ประชุมชี้แจง', en: 'Meeting' },
  letter: { th: 'หนังสือเวียน', en: 'Circular letter' },
  email: { th: 'อีเมล', en: 'E-mail' },
  website: { th: 'เว็บไซต์หน่วยงาน', en: 'Agency website' },
  social: { th: 'สื่อสังคมออนไลน์', en: 'Social media' },
  poster: { th: 'ป้ายประชาสัมพันธ์/โปสเตอร์', en: 'Poster or sign' },
  training: { th: 'การอบรม', en: 'Training' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};
