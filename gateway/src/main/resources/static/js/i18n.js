// Simplified Chinese first, English on request. Texts are written in pairs where they are used: L('签收', 'Acknowledge').
import { ref } from './vendor/vue.js';

const stored = (() => {
  try { return localStorage.getItem('fulian.lang'); } catch (e) { return null; }
})();

export const lang = ref(stored === 'en' ? 'en' : 'zh');

export function L(zh, en) {
  return lang.value === 'en' && en ? en : zh;
}

export function setLang(value) {
  lang.value = value === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang.value === 'en' ? 'en' : 'zh-CN';
  try { localStorage.setItem('fulian.lang', lang.value); } catch (e) { /* private mode: the choice lasts this page */ }
}
setLang(lang.value);

function locale() {
  return lang.value === 'en' ? 'en-GB' : 'zh-CN';
}

/** 1,234.5 in either language; '—' for nothing. */
export function num(value, digits = 2) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
}

/** 2026年3月5日 / 5 Mar 2026 for an ISO date or instant. */
export function date(value) {
  if (!value) return '—';
  const d = new Date(String(value).length === 10 ? value + 'T00:00:00' : value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'long', day: 'numeric' }).format(d);
}

export function dateTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(d);
}

/** A target with its unit of measure: 100个, 98%. */
export function measure(value, unit) {
  if (value === null || value === undefined) return '—';
  return num(value) + (unit || '');
}

const STATUS = {
  ASSIGNED: ['待签收', 'To acknowledge'],
  ACKNOWLEDGED: ['已签收', 'Acknowledged'],
  CANCELLED: ['已取消', 'Cancelled'],
  DRAFT: ['草稿', 'Draft'],
  PUBLISHED: ['已发布', 'Published'],
  CLOSED: ['已关闭', 'Closed'],
  RECORDED: ['已录入', 'Recorded'],
  VOIDED: ['已作废', 'Voided'],
  GREEN: ['正常', 'On track'],
  YELLOW: ['滞后', 'Behind'],
  RED: ['严重滞后', 'Far behind'],
  OVERDUE: ['已逾期', 'Overdue'],
  NO_DATA: ['无数据', 'No data'],
  PENDING: ['待审批', 'Pending'],
  APPROVED: ['已批准', 'Approved'],
  REJECTED: ['已驳回', 'Rejected'],
  SUBMITTED: ['待审核', 'Submitted'],
  RETURNED: ['已退回', 'Returned'],
  MISSING: ['未报', 'Not submitted'],
};

export function statusLabel(code, fallback) {
  const pair = STATUS[code];
  if (!pair) return fallback || code || '—';
  return L(pair[0], pair[1]);
}

export const KIND_LABELS = {
  COUNT: ['计数', 'Count'],
  AMOUNT: ['金额', 'Amount'],
  RATE: ['比率', 'Rate'],
};

const ZH_NUMERALS = ['一', '二', '三', '四'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A reporting period's parts from its id (2026-M03, 2026-Q1, 2026-H2, 2026-Y); null for anything else. */
export function parsePeriod(id) {
  const m = /^(\d{4})-(?:M(\d{2})|Q([1-4])|H([12])|(Y))$/.exec(String(id || ''));
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { year, kind: 'M', index: Number(m[2]), months: 1 };
  if (m[3]) return { year, kind: 'Q', index: Number(m[3]), months: 3 };
  if (m[4]) return { year, kind: 'H', index: Number(m[4]), months: 6 };
  return { year, kind: 'Y', index: 1, months: 12 };
}

/** 2026年第一季度 / Q1 2026, 2026年3月 / Mar 2026, 2026年上半年 / H1 2026, 2026年度 / Year 2026: both languages. */
export function periodLabels(id) {
  const p = parsePeriod(id);
  if (!p) return { zh: id || '—', en: id || '—' };
  switch (p.kind) {
    case 'M': return { zh: p.year + '年' + p.index + '月', en: MONTHS_EN[p.index - 1] + ' ' + p.year };
    case 'Q': return { zh: p.year + '年第' + ZH_NUMERALS[p.index - 1] + '季度', en: 'Q' + p.index + ' ' + p.year };
    case 'H': return { zh: p.year + (p.index === 1 ? '年上半年' : '年下半年'), en: 'H' + p.index + ' ' + p.year };
    default: return { zh: p.year + '年度', en: 'Year ' + p.year };
  }
}

/** A period's label in the current language. */
export function periodLabel(id) {
  const pair = periodLabels(id);
  return L(pair.zh, pair.en);
}

/** The last day of a period as an ISO date (2026-06-30 for 2026-Q2). */
export function periodEnd(id) {
  const p = parsePeriod(id);
  if (!p) return null;
  const lastMonth = p.kind === 'Y' ? 12 : p.index * p.months;
  const last = new Date(Date.UTC(p.year, lastMonth, 0));
  return last.toISOString().slice(0, 10);
}

/** The period ids of a year for a schedule's frequency (MONTHLY, QUARTERLY, HALF_YEAR, ANNUAL). */
export function periodsOf(year, frequency) {
  switch (frequency) {
    case 'MONTHLY': return Array.from({ length: 12 }, (_, i) => year + '-M' + String(i + 1).padStart(2, '0'));
    case 'HALF_YEAR': return [year + '-H1', year + '-H2'];
    case 'ANNUAL': return [year + '-Y'];
    default: return [1, 2, 3, 4].map((q) => year + '-Q' + q);
  }
}

/** 参与人次（人次）, but 期（场）数 and not 期(场)数(期): the unit is added only where the label does not already say it. */
export function metricLabel(m) {
  const label = String(m.label || m.code).replace(/\(/g, '（').replace(/\)/g, '）');
  return !m.unit || label.includes(m.unit) ? label : label + '（' + m.unit + '）';
}
