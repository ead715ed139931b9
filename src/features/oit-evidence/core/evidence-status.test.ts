import { describe, expect, it } from 'vitest';
import { isEvidenceStatus, nextEvidenceStatus } from './evidence-status.js';

describe('evidence status', () => {
  it('moves draft → ready → approved → submitted', () => {
    expect(nextEvidenceStatus('draft', 'mark_ready')).toBe('ready');
    expect(nextEvidenceStatus('ready', 'approve')).toBe('approved');
    expect(nextEvidenceStatus('approved', 'submit')).toBe('submitted');
  });

  it('goes back to draft on an edit before submission', () => {
    expect(nextEvidenceStatus('ready', 'edit')).toBe('draft');
    expect(nextEvidenceStatus('approved', 'edit')).toBe('draft');
    expect(nextEvidenceStatus('draft', 'edit')).toBe('draft');
  });

  it('lets the head send offered or approved evidence back to draft, nothing else', () => {
    expect(nextEvidenceStatus('ready', 'return')).toBe('draft');
    expect(nextEvidenceStatus('approved', 'return')).toBe('draft');
    expect(nextEvidenceStatus('draft', 'return')).toBeNull();
    expect(nextEvidenceStatus('submitted', 'return')).toBeNull();
  });

  it('locks submitted evidence and refuses skipped steps', () => {
    expect(nextEvidenceStatus('submitted', 'edit')).toBeNull();
    expect(nextEvidenceStatus('draft', 'approve')).toBeNull();
    expect(nextEvidenceStatus('draft', 'submit')).toBeNull();
    expect(nextEvidenceStatus('ready', 'submit')).toBeNull();
    expect(nextEvidenceStatus('submitted', 'mark_ready')).toBeNull();
  });

  it('recognises stored statuses', () => {
    expect(isEvidenceStatus('approved')).toBe(true);
    expect(isEvidenceStatus('toString')).toBe(false);
  });
});
