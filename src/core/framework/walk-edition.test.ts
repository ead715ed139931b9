import { describe, expect, it } from 'vitest';
import { EditionSchema } from './edition.schema.js';
import { makeEdition } from './edition.fixture.js';
import { listEditionNodes, listProvisional, urnOf } from './walk-edition.js';

const parse = (input = makeEdition()) => EditionSchema.parse(input);

describe('listEditionNodes', () => {
  it('lists every node in document order', () => {
    const codes = listEditionNodes(parse()).map((n) => `${n.type}:${n.code}`);
    expect(codes).toEqual([
      'instrument:IIT',
      'indicator:I1',
      'question:I1.1',
      'question:I1.2',
      'indicator:I2',
      'question:I2.1',
      'item:I2.1a',
      'item:I2.1b',
      'instrument:EIT',
      'indicator:E1',
      'question:E1.1',
      'indicator:E2',
      'question:E2.1',
      'instrument:OIT',
      'indicator:O-A',
      'subindicator:OA1',
      'oit_item:O1',
      'oit_item:O2',
      'indicator:O-B',
      'subindicator:OB1',
      'oit_item:O3',
      'subindicator:OB2',
      'oit_item:O4',
    ]);
  });

  it('gives paths, parents, instrument, name or text, and weight', () => {
    const nodes = listEditionNodes(parse());
    const item = nodes.find((n) => n.code === 'I2.1b');
    expect(item).toMatchObject({
      type: 'item',
      path: 'instruments[0].indicators[1].questions[0].items[1]',
      parentCode: 'I2.1',
      instrumentCode: 'IIT',
      name: { th: 'ข้อย่อย ข', en: 'Sub-item b' },
      weight: 40,
    });
    const instrument = nodes.find((n) => n.code === 'OIT');
    expect(instrument).toMatchObject({ parentCode: null, instrumentCode: 'OIT', weight: 40 });
    expect(nodes.find((n) => n.code === 'I1')?.weight).toBeUndefined();
    expect(nodes.find((n) => n.code === 'O4')?.path).toBe(
      'instruments[2].indicators[1].subindicators[1].items[0]',
    );
  });

  it('inherits status and source from the nearest ancestor, else from the edition', () => {
    const nodes = listEditionNodes(parse());
    const byCode = (code: string) => nodes.find((n) => n.code === code);
    expect(byCode('I2.1b')).toMatchObject({ status: 'provisional', source: 'NACC draft 2569' });
    expect(byCode('I1.1')).toMatchObject({ status: 'confirmed', source: 'NACC ITA 2569 manual' });
    expect(byCode('O4')).toMatchObject({ status: 'provisional', source: 'NACC ITA 2569 manual' });
  });

  it('lets a node override the status of its ancestor', () => {
    const input = makeEdition();
    const question = input.instruments[0]!.indicators[1]!.questions![0]!;
    question.status = 'confirmed';
    const nodes = listEditionNodes(parse(input));
    expect(nodes.find((n) => n.code === 'I2.1')?.status).toBe('confirmed');
    expect(nodes.find((n) => n.code === 'I2.1a')?.status).toBe('confirmed');
    expect(nodes.find((n) => n.code === 'I2')?.status).toBe('provisional');
  });
});

describe('urnOf', () => {
  it('builds urn:ita:<year>:<type>:<code>', () => {
    expect(urnOf(parse(), { type: 'oit_item', code: 'O25' })).toBe('urn:ita:2569:oit_item:O25');
  });
});

describe('listProvisional', () => {
  it('lists provisional nodes, schemes, sample rules and milestones', () => {
    const list = listProvisional(parse());
    expect(list.map((p) => `${p.kind}:${p.code}`)).toEqual([
      'indicator:I2',
      'question:I2.1',
      'item:I2.1a',
      'item:I2.1b',
      'subindicator:OB2',
      'oit_item:O4',
      'rating_scheme:letter',
      'min_sample:EIT',
      'milestone:survey',
    ]);
    expect(list[0]).toEqual({
      path: 'instruments[0].indicators[1]',
      code: 'I2',
      kind: 'indicator',
      source: 'NACC draft 2569',
    });
    expect(list.find((p) => p.kind === 'milestone')?.path).toBe('calendar[1]');
  });

  it('lists everything when the edition itself is provisional', () => {
    const input = makeEdition();
    input.status = 'provisional';
    const edition = parse(input);
    const list = listProvisional(edition);
    expect(list.filter((p) => p.kind === 'rating_scheme')).toHaveLength(2);
    expect(list.filter((p) => p.kind === 'instrument')).toHaveLength(3);
    expect(list).toHaveLength(listEditionNodes(edition).length + 2 + 2 + 2);
  });
});
