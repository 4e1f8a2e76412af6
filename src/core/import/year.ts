import type { Report } from '../report/model';

const yearIn = (s: string, re = /((?:19|20)\d{2})\s*年/): number | undefined => {
  const m = s.match(re);
  return m ? Number(m[1]) : undefined;
};

/**
 * The year a work report is for, as a planner would say it ("the 2019 report"), read from the text
 * itself, most telling first: a title that names it (2019年政府工作报告), the part with the year's
 * tasks headed by its year (2027年重点工作安排), the review part headed by the year before
 * (2018年工作回顾 → 2019), the page's publication date (a report is delivered early in its year), the
 * file name. Undefined when none says (a pasted excerpt): the planner then gives it.
 */
export function reportYear(report: Report, file: string): number | undefined {
  const titled = yearIn(report.title, /((?:19|20)\d{2})\s*年[^,,。;;]*?工作报告/);
  if (titled) return titled;
  for (const part of report.parts) {
    const y = part.phase === 'tasks' ? yearIn(part.heading) : undefined;
    if (y) return y;
  }
  for (const part of report.parts) {
    const y = part.phase === 'review' ? yearIn(part.heading, /((?:19|20)\d{2})\s*年(?:工作)?回顾/) : undefined;
    if (y) return y + 1;
  }
  const dated = report.source.date ? yearIn(report.source.date, /((?:19|20)\d{2})/) : undefined;
  if (dated) return dated;
  return yearIn(file, /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/);
}
