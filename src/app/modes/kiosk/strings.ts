import { translator } from '../../i18n';

/** The kiosk's own strings. */
export const KIOSK_STRINGS = {
  find: { zh: '找地点', en: 'Find a place' },
  pickerTitle: { zh: '按类别找地点,按报告提及次数排序', en: 'Find a place by category, most mentioned first' },
  categories: { zh: '类别', en: 'Categories' },
  all: { zh: '全部', en: 'All' },
  outside: { zh: '西城区外', en: 'Outside Xicheng' },
  mentions: { zh: '报告提及次数', en: 'Mentions in the report' },
  scan: { zh: '手机扫码,继续浏览', en: 'Scan to continue on your phone' },
  qrLabel: { zh: '二维码:在手机上打开当前页面', en: 'QR code: open this view on your phone' },
  warn: { zh: '无人操作,即将返回首页', en: 'Nobody is using the screen: returning to the start' },
  keep: { zh: '继续浏览', en: 'Keep exploring' },
  home: { zh: '已返回首页', en: 'Back at the start' },
} as const;

export const kt = translator(KIOSK_STRINGS);
