import type {
  Edition,
  Indicator,
  Instrument,
  NodeStatus,
  OitItem,
  Question,
  SubIndicator,
  SurveyItem,
  Text,
} from './edition.schema.js';

/** The kinds of node in an edition's tree, outermost first. */
export type EditionNodeType =
  'instrument' | 'indicator' | 'subindicator' | 'question' | 'item' | 'oit_item';

/** One node of an edition's tree with its inherited status and source resolved. */
export interface EditionNode {
  type: EditionNodeType;
  code: string;
  /** Where the node sits in the file, e.g. "instruments[0].indicators[2].questions[1]". */
  path: string;
  parentCode: string | null;
  instrumentCode: string;
  /** The node's name, or its text for questions and items. */
  name: Text;
  weight?: number;
  status: NodeStatus;
  source: string;
}

/** The schema object a node was read from, tagged with its type. */
export type EditionNodeValue =
  | { type: 'instrument'; value: Instrument }
  | { type: 'indicator'; value: Indicator }
  | { type: 'subindicator'; value: SubIndicator }
  | { type: 'question'; value: Question }
  | { type: 'item'; value: SurveyItem }
  | { type: 'oit_item'; value: OitItem };

/** A node together with the schema object it was read from. */
export interface EditionNodeEntry {
  node: EditionNode;
  value: EditionNodeValue;
}

/** Something marked provisional in an edition: a node, a rating scheme, a sample rule or a milestone. */
export interface ProvisionalEntry {
  path: string;
  code: string;
  kind: EditionNodeType | 'rating_scheme' | 'min_sample' | 'milestone' | 'comment';
  source: string;
}

interface Context {
  parentCode: string | null;
  instrumentCode: string;
  status: NodeStatus;
  source: string;
}

type NodeObject = Instrument | Indicator | SubIndicator | Question | SurveyItem | OitItem;

function makeEntry(
  tagged: EditionNodeValue,
  path: string,
  ctx: Context,
): { entry: EditionNodeEntry; child: Context } {
  const obj: NodeObject = tagged.value;
  const name = 'name' in obj ? obj.name : obj.text;
  const status = obj.status ?? ctx.status;
  const source = obj.source ?? ctx.source;
  const instrumentCode = tagged.type === 'instrument' ? obj.code : ctx.instrumentCode;
  const node: EditionNode = {
    type: tagged.type,
    code: obj.code,
    path,
    parentCode: ctx.parentCode,
    instrumentCode,
    name,
    status,
    source,
  };
  if (obj.weight !== undefined) node.weight = obj.weight;
  return {
    entry: { node, value: tagged },
    child: { parentCode: obj.code, instrumentCode, status, source },
  };
}

function walkQuestion(q: Question, path: string, ctx: Context, out: EditionNodeEntry[]): void {
  const { entry, child } = makeEntry({ type: 'question', value: q }, path, ctx);
  out.push(entry);
  (q.items ?? []).forEach((item, i) => {
    out.push(makeEntry({ type: 'item', value: item }, `${path}.items[${i}]`, child).entry);
  });
}

function walkSubIndicator(
  sub: SubIndicator,
  path: string,
  ctx: Context,
  out: EditionNodeEntry[],
): void {
  const { entry, child } = makeEntry({ type: 'subindicator', value: sub }, path, ctx);
  out.push(entry);
  sub.items.forEach((item, i) => {
    out.push(makeEntry({ type: 'oit_item', value: item }, `${path}.items[${i}]`, child).entry);
  });
}

function walkIndicator(ind: Indicator, path: string, ctx: Context, out: EditionNodeEntry[]): void {
  const { entry, child } = makeEntry({ type: 'indicator', value: ind }, path, ctx);
  out.push(entry);
  (ind.questions ?? []).forEach((q, i) => walkQuestion(q, `${path}.questions[${i}]`, child, out));
  (ind.subindicators ?? []).forEach((s, i) =>
    walkSubIndicator(s, `${path}.subindicators[${i}]`, child, out),
  );
}

/** Lists every node of an edition in document order, each with the schema object it came from. */
export function listEditionNodeEntries(edition: Edition): EditionNodeEntry[] {
  const out: EditionNodeEntry[] = [];
  const root: Context = {
    parentCode: null,
    instrumentCode: '',
    status: edition.status,
    source: edition.source,
  };
  edition.instruments.forEach((ins, i) => {
    const path = `instruments[${i}]`;
    const { entry, child } = makeEntry({ type: 'instrument', value: ins }, path, root);
    out.push(entry);
    ins.indicators.forEach((ind, j) => walkIndicator(ind, `${path}.indicators[${j}]`, child, out));
  });
  return out;
}

/** Lists every node of an edition in document order with inherited status and source resolved. */
export function listEditionNodes(edition: Edition): EditionNode[] {
  return listEditionNodeEntries(edition).map((entry) => entry.node);
}

/** Gives the stable identifier of a node, e.g. "urn:ita:2569:oit_item:O25". */
export function urnOf(edition: Edition, node: { type: string; code: string }): string {
  return `urn:ita:${edition.year}:${node.type}:${node.code}`;
}

/** Lists the nodes, rating schemes, sample rules and milestones whose status is provisional. */
export function listProvisional(edition: Edition): ProvisionalEntry[] {
  const out: ProvisionalEntry[] = listEditionNodes(edition)
    .filter((node) => node.status === 'provisional')
    .map((node) => ({ path: node.path, code: node.code, kind: node.type, source: node.source }));
  const isProvisional = (status: NodeStatus | undefined): boolean =>
    (status ?? edition.status) === 'provisional';
  edition.rating.schemes.forEach((scheme, i) => {
    if (!isProvisional(scheme.status)) return;
    const path = `rating.schemes[${i}]`;
    out.push({
      path,
      code: scheme.code,
      kind: 'rating_scheme',
      source: scheme.source ?? edition.source,
    });
  });
  edition.min_sample.forEach((rule, i) => {
    if (!isProvisional(rule.status)) return;
    const code = rule.instruments.join('+');
    out.push({
      path: `min_sample[${i}]`,
      code,
      kind: 'min_sample',
      source: rule.source ?? edition.source,
    });
  });
  edition.instruments.forEach((ins, i) => {
    // the optional free-text question inherits its instrument's status and source
    const comment = ins.comment;
    if (!comment || !isProvisional(comment.status ?? ins.status)) return;
    out.push({
      path: `instruments[${i}].comment`,
      code: ins.code,
      kind: 'comment',
      source: comment.source ?? ins.source ?? edition.source,
    });
  });
  edition.calendar.forEach((m, i) => {
    if (!isProvisional(m.status)) return;
    out.push({
      path: `calendar[${i}]`,
      code: m.code,
      kind: 'milestone',
      source: m.source ?? edition.source,
    });
  });
  return out;
}
