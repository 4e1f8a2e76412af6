/** What the report says is done at a place, in its own verbs. Longest first (拆除违法建设 before 建设). */
export const ACTIONS = [
  '疏解',
  '腾退',
  '修缮',
  '改造',
  '建设',
  '拆除',
  '开放',
  '启动',
  '闭市',
  '征收',
  '整治',
  '提升',
  '新建',
  '建成',
  '竣工',
  '完成',
  '推进',
  '打造',
  '治理',
  '保护',
  '利用',
  '搬迁',
  '调整',
  '升级',
  '落户',
  '举办',
  '支持',
  '引进',
  '恢复',
  '规划',
].sort((a, b) => b.length - a.length);

export interface ActionHit {
  verb: string;
  start: number;
}

export function findActions(text: string, start: number, end: number): ActionHit[] {
  const hits: ActionHit[] = [];
  for (let i = start; i < end; i++) {
    const verb = ACTIONS.find((a) => text.startsWith(a, i) && i + a.length <= end);
    if (verb) {
      hits.push({ verb, start: i });
      i += verb.length - 1;
    }
  }
  return hits;
}

/**
 * The action that applies to a mention: the nearest verb before it in the same clause
 * (启动红楼影院改造工程 → 启动… but 改造 follows directly, so prefer a verb right after the name,
 * as in 红楼影院改造), else the nearest verb in the sentence.
 */
export function actionFor(
  text: string,
  sentence: { start: number; end: number },
  mention: { start: number; end: number },
): string | undefined {
  const hits = findActions(text, sentence.start, sentence.end);
  if (hits.length === 0) return undefined;
  const after = hits.find((h) => h.start >= mention.end && h.start - mention.end <= 2);
  if (after) return after.verb;
  const clauseStart = Math.max(sentence.start, ...[',', ',', ';', ';'].map((c) => text.lastIndexOf(c, mention.start - 1) + 1));
  const before = hits.filter((h) => h.start < mention.start && h.start >= clauseStart).at(-1);
  if (before) return before.verb;
  const dist = (h: ActionHit) => (h.start < mention.start ? mention.start - h.start : h.start - mention.end);
  return [...hits].sort((a, b) => dist(a) - dist(b))[0]?.verb;
}
