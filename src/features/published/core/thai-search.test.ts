import { describe, expect, it } from 'vitest';
import { excerptOf, scoreMatch, wordsOf } from './thai-search.js';

describe('Thai word search', () => {
  it('cuts Thai text without spaces into words', () => {
    expect(wordsOf('การขอใบอนุญาตขุดเจาะน้ำบาดาล')).toContain('อนุญาต');
  });

  it('finds a Thai word inside a title and prefers titles over body text', () => {
    const words = wordsOf('อนุญาต');
    const inTitle = scoreMatch(words, { title: 'การขอใบอนุญาตขุดเจาะ', text: '' });
    const inText = scoreMatch(words, { title: 'คู่มือ', text: 'ขั้นตอนการออกใบอนุญาต' });
    expect(inTitle).toBeGreaterThan(inText);
    expect(inText).toBeGreaterThan(0);
  });

  it('needs every query word and does not match part of a word', () => {
    expect(scoreMatch(wordsOf('อนุญาต ห้องสมุด'), { title: 'ใบอนุญาต', text: '' })).toBe(0);
    // "บาด" (cut) is a piece of "บาดาล" (groundwater), not a word of the title
    expect(scoreMatch(wordsOf('บาด'), { title: 'น้ำบาดาล', text: '' })).toBe(0);
  });

  it('shows the text around the first match', () => {
    const text = `${'ก'.repeat(200)} ค่าธรรมเนียม ${'ข'.repeat(200)}`;
    const excerpt = excerptOf(text, ['ค่าธรรมเนียม'], 20);
    expect(excerpt).toContain('ค่าธรรมเนียม');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThan(60);
  });
});
