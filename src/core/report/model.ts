import { z } from 'zod';

import { PHASE_LABELS, PHASES, type Phase, THEME_LABELS, THEMES, type Theme } from './vocab';

export { PHASE_LABELS, PHASES, type Phase, THEME_LABELS, THEMES, type Theme };

export const FactSchema = z.object({
  /** The number as printed (before 万/亿 scaling). */
  value: z.number(),
  /** The unit as printed, multiplier included: 万平方米, 亿元, 个, %. */
  unit: z.string().min(1),
  /** The value in the base unit (32.4 万平方米 → 324000 平方米). */
  baseValue: z.number(),
  baseUnit: z.string().min(1),
  /** What is counted or measured, in the report's words. */
  measure: z.string(),
  /** "多"/"余" after the number: the figure is a lower bound. */
  approximate: z.boolean(),
  /** Offsets into the paragraph text (UTF-16 code units, end exclusive). */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
});
export type Fact = z.infer<typeof FactSchema>;

export const SentenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  facts: z.array(FactSchema),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const ParagraphSchema = z.object({
  /** Stable id: p{part}-{section}-{n}; section 0 = outside any numbered section. */
  id: z.string().regex(/^p\d+-\d+-\d+$/),
  part: z.number().int().nonnegative(),
  section: z.number().int().nonnegative(),
  index: z.number().int().positive(),
  /** 1-based line in the source file. */
  line: z.number().int().positive(),
  /** Item number for 一是/二是… paragraphs. */
  item: z.number().int().positive().optional(),
  /** Headings from the part down to this paragraph's own lead (一是…, 实施…工程). */
  headingPath: z.array(z.string()),
  phase: z.enum(PHASES),
  theme: z.enum(THEMES),
  text: z.string().min(1),
  sentences: z.array(SentenceSchema).min(1),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const PartSchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  heading: z.string(),
  phase: z.enum(PHASES),
  line: z.number().int().positive(),
});
export type Part = z.infer<typeof PartSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  /** 0 for a section that comes before any part heading (a pasted excerpt, a text without parts). */
  part: z.number().int().nonnegative(),
  number: z.number().int().positive(),
  heading: z.string(),
  theme: z.enum(THEMES),
  /** true when the heading opens a paragraph that carries the section's whole text (part 一). */
  inline: z.boolean(),
  line: z.number().int().positive(),
});
export type Section = z.infer<typeof SectionSchema>;

export const WarningSchema = z.object({ line: z.number().int().positive(), message: z.string().min(1) });
export type ParseWarning = z.infer<typeof WarningSchema>;

export const ReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    title: z.string(),
    source: z.object({
      file: z.string(),
      /** Page chrome that was removed, by line, so a reviewer can check the stripping. */
      chrome: z.array(z.object({ line: z.number().int().positive(), text: z.string() })),
      origin: z.string().optional(),
      date: z.string().optional(),
    }),
    /** Structure the parser could not recognise, by line; absent when there is none. */
    warnings: z.array(WarningSchema).optional(),
    /** A text without part headings (a news article, an excerpt) has no parts. */
    parts: z.array(PartSchema),
    sections: z.array(SectionSchema),
    paragraphs: z.array(ParagraphSchema).min(1),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.paragraphs.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate paragraph id ${p.id}`, path: ['paragraphs', i, 'id'] });
      seen.add(p.id);
      for (const [j, s] of p.sentences.entries()) {
        if (s.end > p.text.length || s.start >= s.end)
          ctx.addIssue({ code: 'custom', message: 'sentence offsets outside the paragraph', path: ['paragraphs', i, 'sentences', j] });
        for (const [k, f] of s.facts.entries()) {
          if (p.text.slice(f.start, f.end) !== f.text)
            ctx.addIssue({
              code: 'custom',
              message: 'fact text does not match its offsets',
              path: ['paragraphs', i, 'sentences', j, 'facts', k],
            });
        }
      }
    });
  });
export type Report = z.infer<typeof ReportSchema>;
