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
