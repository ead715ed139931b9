import { describe, expect, it } from 'vitest';
import { itemProgress, verdictVisibleIn, type AgencyVerdict } from './evidence-progress.js';

const failed: AgencyVerdict = {
  score: 0,
  reason: 'ลิงก์เปิดไม่ได้',
  advice: 'แก้ลิงก์',
  stage: 'initial',
  decidedAt: '2026-07-01T03:00:00.000Z',
};

describe('item progress for the agency', () => {
  it('shows the agency its own steps while it works, and a sent-back draft as such', () => {
    expect(itemProgress('collecting', 'approved', false, null).label.th).toBe(
      'หัวหน้าหน่วยงานอนุมัติแล้ว',
    );
    expect(itemProgress('collecting', 'draft', true, null).kind).toBe('returned');
    expect(itemProgress('collecting', 'draft', false, null).kind).toBe('draft');
  });

  it('says plainly that a submitted item is under review, whatever was decided', () => {
    const p = itemProgress('oit_review', 'submitted', false, failed);
    expect(p.kind).toBe('under_review');
    expect(p.label.th).toContain('อยู่ระหว่างการตรวจ');
    expect(itemProgress('oit_review', 'approved', false, null).kind).toBe('not_submitted');
  });

  it('shows the verdict from clarification on, never "approved by the head"', () => {
    expect(itemProgress('clarification', 'submitted', false, failed).label.th).toBe('ไม่ผ่าน');
    expect(itemProgress('published', 'submitted', false, { ...failed, score: 100 }).label.th).toBe(
      'ผ่าน',
    );
    expect(itemProgress('confirmed', 'submitted', false, { ...failed, score: 50 }).kind).toBe(
      'partial',
    );
    expect(itemProgress('clarification', 'submitted', false, null).kind).toBe('awaiting_verdict');
  });

  it('lets the agency read decisions only from clarification on', () => {
    expect(verdictVisibleIn('oit_review')).toBe(false);
    expect(verdictVisibleIn('collecting')).toBe(false);
    expect(verdictVisibleIn('clarification')).toBe(true);
    expect(verdictVisibleIn('withdrawn')).toBe(true);
  });
});
