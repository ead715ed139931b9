import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  ImportedXmlComponent,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphStyleOptions,
} from 'docx';
import {
  captionNumbers,
  signatureName,
  type CaptionNumber,
  type ReportBlock,
  type ReportDocument,
} from './report-document.js';

/** Thai official documents use TH Sarabun New at 16 pt (Word sizes count half points). */
export const DOCX_FONT = 'TH Sarabun New';
const BODY = 32;
const SMALLER = 28;
const FONT = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** A run in the document's font: Thai is "complex script" to Word, so cs font and size too. */
function run(text: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  const size = options.size ?? BODY;
  return new TextRun({
    text,
    font: FONT,
    size,
    sizeComplexScript: size,
    bold: options.bold ?? false,
    boldComplexScript: options.bold ?? false,
  });
}

function para(
  text: string,
  options: { bold?: boolean; size?: number; align?: keyof typeof ALIGN } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'left'],
    children: [run(text, options)],
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function cell(text: string, options: { bold?: boolean; align?: keyof typeof ALIGN } = {}) {
  return new TableCell({
    borders: BORDERS,
    ...(options.bold ? { shading: { fill: 'EEEEEE' } } : {}),
    children: [para(text, { ...options, size: SMALLER })],
  });
}

function table(
  header: Array<{ label: string; align?: keyof typeof ALIGN }> | null,
  rows: string[][],
  aligns: Array<keyof typeof ALIGN | undefined> = [],
): Table {
  const lines: TableRow[] = [];
  if (header)
    lines.push(
      new TableRow({
        tableHeader: true,
        children: header.map((c) => cell(c.label, { bold: true, align: c.align ?? 'left' })),
      }),
    );
  for (const row of rows)
    lines.push(
      new TableRow({
        cantSplit: true,
        children: row.map((text, i) => cell(text, { align: aligns[i] ?? 'left' })),
      }),
    );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: lines });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
const HEADING_SIZES = [36, 34, 32];

/** The pixel size an SVG declares on its root (our charts always do), else a default. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string, fallback: number) => {
    const value = Number(new RegExp(`\\s${name}="([\\d.]+)`).exec(root)?.[1]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { width: read('width', 720), height: read('height', 400) };
}

/** Charts wider than the text column (16 cm ≈ 600 px at 96 dpi) are scaled down to it. */
const COLUMN_PX = 600;

function chartImage(svg: string, png: Buffer, caption: string): Paragraph {
  const size = svgSize(svg);
  const scale = Math.min(1, COLUMN_PX / size.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(svg),
        fallback: { type: 'png', data: png },
        transformation: {
          width: Math.round(size.width * scale),
          height: Math.round(size.height * scale),
        },
        altText: { name: caption || 'chart', description: caption, title: caption },
      }),
    ],
  });
}

/** Where a block stands in its document: its caption number, the next chart image, list count. */
interface BlockPlace {
  number: CaptionNumber | null;
  chartPng: () => Buffer | null;
  nextList: () => number;
}

/** The two list definitions of every report (numbering.xml): bullets and "1." numbers. */
const BULLETED = 'report-bullets';
const NUMBERED = 'report-numbers';
const LIST_INDENT = {
  left: convertMillimetersToTwip(10),
  hanging: convertMillimetersToTwip(6),
};
const LISTS = [
  { reference: BULLETED, format: LevelFormat.BULLET, text: '\u2022' },
  { reference: NUMBERED, format: LevelFormat.DECIMAL, text: '%1.' },
].map(({ reference, format, text }) => ({
  reference,
  levels: [
    {
      level: 0,
      format,
      text,
      alignment: AlignmentType.LEFT,
      style: {
        paragraph: { indent: LIST_INDENT },
        run: { font: FONT, size: BODY, sizeComplexScript: BODY },
      },
    },
  ],
}));

/**
 * A field Word computes (here a SEQ number), written as a complex field (begin, code, separate,
 * result, end) with its result in a run of its own: readers that compute no fields (python-docx,
 * pandoc, which both skip the text inside a simple w:fldSimple) still read the number.
 */
function field(instruction: string, result: string, options: { bold?: boolean }): TextRun[] {
  const mark = (type: 'begin' | 'separate' | 'end') =>
    new TextRun({ children: [new ImportedXmlComponent('w:fldChar', { 'w:fldCharType': type })] });
  const code = new ImportedXmlComponent('w:instrText', { 'xml:space': 'preserve' });
  code.push(` ${instruction} `);
  return [
    mark('begin'),
    new TextRun({ children: [code] }),
    mark('separate'),
    run(result, options),
    mark('end'),
  ];
}

/**
 * A caption in Word's Caption style ("ตารางที่ 1 …"), above its table or chart: the number is a
 * SEQ field (Word renumbers it, References > Table of Figures lists it) holding the number the
 * HTML prints.
 */
function caption(text: string, number: CaptionNumber | null): Paragraph {
  return new Paragraph({
    style: 'Caption',
    keepNext: true,
    children: number
      ? [
          run(`${number.label} `, { bold: true }),
          ...field(`SEQ ${number.seq} \\* ARABIC`, String(number.number), { bold: true }),
          run(` ${text}`, { bold: true }),
        ]
      : [run(text, { bold: true })],
  });
}

function blockParts(block: ReportBlock, place: BlockPlace): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level - 1],
          children: [run(block.text, { bold: true, size: HEADING_SIZES[block.level - 1] })],
        }),
      ];
    case 'paragraph':
      return [para(block.text, { bold: block.bold ?? false, align: block.align ?? 'left' })];
    case 'list': {
      // Word's own list numbering (w:numPr): each list its own instance, so numbers restart at 1
      const instance = place.nextList();
      return block.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference: block.ordered ? NUMBERED : BULLETED, level: 0, instance },
            children: [run(item)],
          }),
      );
    }
    case 'keyValue':
      return [
        table(
          null,
          block.rows.map(([k, v]) => [k, v]),
        ),
      ];
    case 'table':
      return [
        ...(block.caption ? [caption(block.caption, place.number)] : []),
        table(
          block.columns,
          block.rows,
          block.columns.map((c) => c.align),
        ),
      ];
    case 'chart': {
      // Word needs a PNG beside the SVG; without one only the chart's numbers go in, as a table
      const png = place.chartPng();
      return [
        ...(block.caption ? [caption(block.caption, place.number)] : []),
        ...(png ? [chartImage(block.svg, png, block.caption ?? '')] : []),
        ...(block.rows && block.rows.length > 0
          ? [
              table(
                null,
                block.rows.map(([k, v]) => [k, v]),
                ['left', 'right'],
              ),
            ]
          : []),
      ];
    }
    case 'signature': {
      const indent = { left: convertMillimetersToTwip(75) };
      const line = (text: string) =>
        new Paragraph({ indent, alignment: AlignmentType.CENTER, children: [run(text)] });
      return [
        new Paragraph({ children: [] }),
        line(signatureName(block.name)),
        line(block.position),
        ...(block.dateText ? [line(block.dateText)] : []),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function headingStyle(
  id: string,
  name: string,
  size: number,
  center = false,
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, sizeComplexScript: size, bold: true, boldComplexScript: true },
    paragraph: {
      spacing: { before: 200, after: 80 },
      keepNext: true,
      ...(center ? { alignment: AlignmentType.CENTER } : {}),
    },
  };
}

/**
 * A report as a Word document in Thai official style: A4, margins 2.5 cm top, 3 cm left, 2 cm
 * right and bottom, TH Sarabun New 16 pt, Thai language tag, bordered tables, page numbers.
 */
export async function reportToDocx(
  doc: ReportDocument,
  options: { chartPngs?: ReadonlyArray<Buffer | null> } = {},
): Promise<Buffer> {
  let chart = 0;
  let lists = 0;
  const numbers = captionNumbers(doc.lang, doc.blocks);
  const place = (i: number): BlockPlace => ({
    number: numbers[i] ?? null,
    chartPng: () => options.chartPngs?.[chart++] ?? null,
    nextList: () => ++lists,
  });
  const language = doc.lang === 'th' ? 'th-TH' : 'en-GB';
  const document = new Document({
    creator: doc.agencyName,
    title: doc.title,
    description: doc.subtitle ?? doc.title,
    numbering: { config: LISTS },
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: BODY,
            sizeComplexScript: BODY,
            language: { value: language, bidirectional: language },
          },
        },
        // Word's own Caption style (name "caption"), in the report's font instead of small italics
        caption: {
          run: {
            font: FONT,
            size: BODY,
            sizeComplexScript: BODY,
            bold: true,
            boldComplexScript: true,
          },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
      },
      paragraphStyles: [
        headingStyle('Title', 'Title', 40, true),
        headingStyle('Heading1', 'Heading 1', HEADING_SIZES[0] ?? BODY),
        headingStyle('Heading2', 'Heading 2', HEADING_SIZES[1] ?? BODY),
        headingStyle('Heading3', 'Heading 3', HEADING_SIZES[2] ?? BODY),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twentieths of a point
            margin: {
              top: convertMillimetersToTwip(25),
              right: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALLER }),
                ],
              }),
            ],
          }),
        },
        children: [
          para(doc.agencyName, { bold: true, align: 'center' }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [run(doc.title, { size: 40, bold: true })],
          }),
          ...(doc.subtitle ? [para(doc.subtitle, { align: 'center' })] : []),
          para(doc.dateText, { align: 'center' }),
          ...doc.blocks.flatMap((block, i) => blockParts(block, place(i))),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
