// Rights desks (维权): the case list, one case with its timeline and the actions its state and the user's role allow,
// and the intake form. Personal data is masked everywhere; a rights officer of the handling or registering unit asks
// to see it with a reason (查看完整信息), and the rights-service records that read. The console never unmasks anything.
import { ref, reactive, computed, onMounted, nextTick } from '../vendor/vue.js';
import { api, ifMatch, qs, STALE } from '../api.js';
import { L, date, dateTime } from '../i18n.js';
import { useForm, splitPair } from '../components.js';
import { hasRole } from '../session.js';

// The codes come with Chinese labels from the rights-service; these are their English names.
const EN = {
  status: {
    REGISTERED: 'Registered', ACCEPTED: 'Accepted', IN_PROGRESS: 'In progress', CLOSED: 'Closed', FOLLOWED_UP: 'Followed up',
  },
  channel: {
    LETTER: 'Letter', VISIT: 'Visit', CALL: 'Phone call', HOTLINE_12338: '12338 hotline', ONLINE: 'Online petition',
    REFERRAL: 'Referred by another body',
  },
  category: {
    MARRIAGE_FAMILY: 'Marriage and family', DOMESTIC_VIOLENCE: 'Domestic violence', PERSONAL_RIGHTS: 'Personal rights',
    PROPERTY_RIGHTS: 'Property rights (incl. land)', LABOUR_SOCIAL_SECURITY: 'Labour and social security',
    CHILDREN: "Children's rights", OTHER: 'Other',
  },
  step: {
    MEDIATION: 'Mediation', LEGAL_AID: 'Legal aid', REFERRAL_POLICE: 'Referred to the police',
    REFERRAL_COURT: 'Referred to the court', REFERRAL_CIVIL_AFFAIRS: 'Referred to civil affairs',
    PROTECTION_ORDER_SUPPORT: 'Help applying for a protection order', CONSULTATION: 'Advice given', OTHER: 'Other',
  },
  outcome: {
    MEDIATED: 'Mediated', LEGAL_AID_PROVIDED: 'Legal aid provided', REFERRED: 'Referred to the competent body',
    RESOLVED: 'Resolved', EXPLAINED: 'Explained and answered', WITHDRAWN: 'Withdrawn by the complainant',
  },
  satisfaction: { SATISFIED: 'Satisfied', BASICALLY_SATISFIED: 'Basically satisfied', DISSATISFIED: 'Dissatisfied' },
  direction: { DOWN: 'Hand down', UP: 'Escalate' },
  stage: { ACCEPT: 'Acceptance', CONCLUDE: 'Conclusion' },
};

/** What each kind of timeline entry is called on the desk. */
const TIMELINE = {
  REGISTERED: ['登记', 'Registered'],
  ACCEPTED: ['受理', 'Accepted'],
  TRANSFER_REQUESTED: ['转办', 'Transferred'],
  TRANSFER_ACCEPTED: ['接收', 'Transfer accepted'],
  TRANSFER_REJECTED: ['退回', 'Transfer returned'],
  STEP: ['办理', 'Handling step'],
  CLOSED: ['结案', 'Closed'],
  FOLLOWED_UP: ['回访', 'Follow-up'],
  REOPENED: ['重新办理', 'Reopened'],
  OVERDUE: ['逾期', 'Overdue'],
};

/** The actions a case offers, in the order the desk meets them, with the button's words. */
const ACTIONS = [
  ['ACCEPT', '受理', 'Accept'],
  ['TRANSFER_ACCEPT', '接收', 'Accept the transfer'],
  ['TRANSFER_REJECT', '退回', 'Return the transfer'],
  ['STEP', '办理记录', 'Record a step'],
  ['TRANSFER', '转办', 'Transfer'],
  ['CLOSE', '结案', 'Close'],
  ['FOLLOW_UP', '回访', 'Follow-up'],
  ['REOPEN', '重新办理', 'Reopen'],
];

function label(kind, code) {
  if (!code) return '—';
  return L(code.label || code.code, (EN[kind] && EN[kind][code.code]) || code.label || code.code);
}

/** 剩余3天 / 今天到期 / 已逾期2天 for an open case, nothing for a closed one. */
function countdown(c) {
  if (!c || c.daysLeft === null || c.daysLeft === undefined) return null;
  const n = c.daysLeft;
  if (n > 0) {
    return { zh: '剩余' + n + '天', en: n + (n === 1 ? ' day left' : ' days left'), kind: c.dueSoon ? 'soon' : 'ok' };
  }
  if (n === 0) return { zh: '今天到期', en: 'Due today', kind: 'soon' };
  return { zh: '已逾期' + -n + '天', en: -n + (n === -1 ? ' day overdue' : ' days overdue'), kind: 'overdue' };
}

let codesOnce = null;
/** The rights codes, fetched once per page load. */
function loadCodes() {
  if (!codesOnce) {
    codesOnce = api.get('/api/rights/codes').catch((e) => { codesOnce = null; throw e; });
  }
  return codesOnce;
}

/**
 * What went wrong, in the words the desk needs: field problems beside the fields (400), 无权限 (403), a case that is
 * not there for this unit (404), the server's own sentence for a conflict (409), 已被他人修改 for a stale copy (412), and
 * a retry for a network failure or a service that is not answering.
 */
function explain(e) {
  if (!e) return null;
  const p = e.problem || {};
  const [zh, en] = splitPair(p.detail || p.title || '');
  if (e.status === 400) {
    return Object.keys(e.fields || {}).length
      ? { kind: 'fields', zh: '请修改标出的内容后再提交，尚未保存任何数据。', en: 'Please correct the marked fields; nothing was saved.' }
      : { kind: 'error', zh: zh || '提交的内容有误，尚未保存任何数据。', en: en || 'The request was not accepted; nothing was saved.' };
  }
  if (e.status === 403) {
    return { kind: 'error', zh: '无权限：' + (zh || '您不能执行此操作。'), en: 'Not allowed: ' + (en || 'you may not do this.') };
  }
  if (e.status === 404) {
    return { kind: 'error', zh: '案件不存在或不在本单位范围内。', en: 'The case does not exist or is outside your unit.' };
  }
  if (e.status === 412) {
    return { kind: 'conflict', ...STALE };
  }
  if (e.status === 409) {
    return { kind: 'conflict', zh: zh || '案件状态已变化，请刷新后重试。', en: en || 'The case has changed; reload and try again.' };
  }
  if (e.status === 0 || e.status >= 500) {
    return {
      kind: 'retry',
      zh: '网络或服务暂时不可用，操作未完成。请稍后重试。',
      en: 'The network or the service is not available right now; nothing was done. Please try again.',
    };
  }
  return { kind: 'error', zh: zh || '操作失败。', en: en || zh || 'Failed.' };
}

/** A banner for an explained error; a retry button where trying again may help, a reload after a conflict. */
const Problem = {
  props: { problem: Object },
  emits: ['retry', 'reload'],
  setup() { return { L }; },
  template: `
    <div v-if="problem" class="alert" :class="problem.kind === 'retry' ? 'retry' : 'error'" role="alert" data-test="problem">
      <span>{{ L(problem.zh, problem.en) }}</span>
      <button v-if="problem.kind === 'retry'" type="button" class="small" data-test="retry" @click="$emit('retry')">{{ L('重试', 'Try again') }}</button>
      <button v-if="problem.kind === 'conflict'" type="button" class="small" @click="$emit('reload')">{{ L('刷新案件', 'Reload the case') }}</button>
    </div>`,
};

/** The deadline of an open case as a badge: green while there is time, yellow when near, red once overdue. */
const Countdown = {
  props: { c: Object },
  setup() { return { L, countdown }; },
  template: `
    <span v-if="countdown(c)" class="countdown" :class="countdown(c).kind" data-test="countdown">{{ L(countdown(c).zh, countdown(c).en) }}</span>
    <span v-else class="muted">—</span>`,
};

export const CaseList = {
  props: { query: Object },
  components: { Problem, Countdown },
  setup(props) {
    const q = props.query || {};
    const filters = reactive({
      q: q.q || '', status: q.status || '', category: q.category || '', overdue: q.overdue === '1', transfer: q.transfer || '',
    });
    const search = ref(filters.q);
    const page = ref(Number(q.page) || 0);
    const list = ref(null);
    const codes = ref(null);
    const problem = ref(null);
    const loading = ref(false);
    async function load() {
      loading.value = true;
      const shown = {
        q: filters.q, status: filters.status, category: filters.category, overdue: filters.overdue ? '1' : '',
        transfer: filters.transfer, page: page.value || '',
      };
      // the filters live in the address, so coming back from a case finds the list as it was left
      window.history.replaceState(null, '', '#/cases' + qs(shown));
      try {
        if (!codes.value) codes.value = await loadCodes();
        list.value = await api.get('/api/rights/cases' + qs({
          q: filters.q, status: filters.status, category: filters.category,
          deadline: filters.overdue ? 'OVERDUE' : '', transfer: filters.transfer, page: page.value, size: 20,
        }));
        problem.value = null;
      } catch (e) {
        problem.value = e.status === 403
          ? { kind: 'error', zh: '无权限：您不能查看维权案件。', en: 'Not allowed: you may not see rights cases.' }
          : explain(e);
      } finally {
        loading.value = false;
      }
    }
    const go = (p) => { page.value = p; load(); };
    const refilter = () => go(0);
    const find = () => { filters.q = search.value.trim(); go(0); };
    const open = (c) => { window.location.hash = '#/cases/' + encodeURIComponent(c.id); };
    onMounted(load);
    const officer = hasRole('rights-officer');
    return { filters, search, list, codes, problem, loading, go, refilter, find, open, load, officer, label, L, date };
  },
  template: `
  <section class="page">
    <div class="page-head">
      <h1>{{ L('维权案件', 'Rights cases') }}</h1>
      <div class="actions" v-if="officer"><a class="button primary" href="#/cases/new" data-test="register-case">{{ L('登记案件', 'Register a case') }}</a></div>
    </div>
    <p class="hint">{{ L('列表中的个人信息一律脱敏显示；打开案件后，经办人员可说明原因查看完整信息。', 'Personal data is always masked in the list; officers handling a case can see it in full, with a reason, on the case page.') }}</p>
    <form class="filters case-filters" v-if="codes" @submit.prevent="find" data-test="case-filters">
      <label class="search">{{ L('案件编号', 'Case number') }}
        <input type="search" v-model="search" :placeholder="L('如：鼓楼-2026-0001', 'e.g. 鼓楼-2026-0001')" data-test="q"></label>
      <button type="submit" class="small">{{ L('搜索', 'Search') }}</button>
      <label>{{ L('状态', 'Status') }}
        <select v-model="filters.status" @change="refilter" data-test="status"><option value="">{{ L('全部', 'All') }}</option>
          <option v-for="s in codes.statuses" :key="s.code" :value="s.code">{{ label('status', s) }}</option></select></label>
      <label>{{ L('类别', 'Category') }}
        <select v-model="filters.category" @change="refilter" data-test="category"><option value="">{{ L('全部', 'All') }}</option>
          <option v-for="s in codes.categories" :key="s.code" :value="s.code">{{ label('category', s) }}</option></select></label>
      <label>{{ L('转入/转出', 'Transferred') }}
        <select v-model="filters.transfer" @change="refilter" data-test="transfer"><option value="">{{ L('全部', 'All') }}</option>
          <option value="IN">{{ L('转入本单位', 'Transferred in') }}</option>
          <option value="OUT">{{ L('本单位转出', 'Transferred out') }}</option></select></label>
      <label class="check"><input type="checkbox" v-model="filters.overdue" @change="refilter" data-test="overdue"> {{ L('只看逾期', 'Overdue only') }}</label>
    </form>
    <Problem :problem="problem" @retry="load"></Problem>
    <template v-if="list">
      <Empty v-if="!list.items.length" :text="L('没有符合条件的案件', 'No cases match')"></Empty>
      <table v-else class="grid cases" data-test="cases" :aria-busy="loading ? 'true' : 'false'">
        <thead><tr>
          <th>{{ L('案件编号', 'Case number') }}</th><th>{{ L('类别', 'Category') }}</th><th>{{ L('受理日期', 'Received') }}</th>
          <th>{{ L('状态', 'Status') }}</th><th>{{ L('期限', 'Deadline') }}</th><th>{{ L('当前承办单位', 'Handled by') }}</th>
        </tr></thead>
        <tbody>
          <tr v-for="c in list.items" :key="c.id" class="clickable" :class="{ overdue: c.overdue }" @click="open(c)"
              data-test="case-row" :data-number="c.caseNumber" :data-id="c.id">
            <td :data-label="L('案件编号', 'Case number')" class="number"><span>
              <a :href="'#/cases/' + encodeURIComponent(c.id)" @click.stop>{{ c.caseNumber || L('（未编号）', '(no number yet)') }}</a>
              <span v-if="c.urgent" class="badge RED">{{ L('紧急', 'Urgent') }}</span></span>
            </td>
            <td :data-label="L('类别', 'Category')">{{ label('category', c.category) }}</td>
            <td :data-label="L('受理日期', 'Received')">{{ date(c.receivedOn) }}</td>
            <td :data-label="L('状态', 'Status')"><span><span class="badge" :class="'case-' + (c.status && c.status.code)" data-test="status">{{ label('status', c.status) }}</span>
              <span v-if="c.pendingTransferTo" class="badge YELLOW">{{ L('待' + c.pendingTransferTo.name + '接收', 'Awaiting ' + c.pendingTransferTo.name) }}</span></span></td>
            <td :data-label="L('期限', 'Deadline')"><Countdown :c="c"></Countdown></td>
            <td :data-label="L('当前承办单位', 'Handled by')">{{ c.handlingUnit && c.handlingUnit.name }}</td>
          </tr>
        </tbody>
      </table>
      <Pager numbers :page="list.page" :size="list.size" :total="list.total" @go="go"></Pager>
    </template>
    <p v-else-if="!problem" class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};

export const CaseDetail = {
  props: { params: Object },
  components: { Problem, Countdown },
  setup(props) {
    const c = ref(null);
    const clear = ref(null);
    const recordedAt = ref(null);
    const codes = ref(null);
    const loadProblem = ref(null);
    const problem = ref(null);
    const notice = ref(null);
    const busy = ref(null);
    const errors = reactive({});
    const open = ref(null);
    const targets = ref(null);
    const f = reactive({ note: '', reason: '', toUnit: '', type: '', outcome: '', summary: '', closedOn: '', satisfaction: '' });
    const reveal = reactive({ open: false, reason: '' });
    const base = () => '/api/rights/cases/' + encodeURIComponent(props.params.id);

    function clearErrors() {
      for (const k of Object.keys(errors)) delete errors[k];
    }
    async function load() {
      try {
        if (!codes.value) codes.value = await loadCodes();
        c.value = await api.get(base());
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = explain(e);
      }
    }
    function fail(e, again) {
      clearErrors();
      if (e.status === 400) Object.assign(errors, e.fields || {});
      const x = explain(e);
      problem.value = { ...x, again };
    }

    /** One action on the case: a working button, the case as it now stands, and a sentence saying what happened. */
    async function run(name, path, body, ok) {
      busy.value = name;
      problem.value = null;
      notice.value = null;
      clearErrors();
      try {
        const updated = await api.post(base() + path, body, ifMatch(c.value.version));
        c.value = updated;
        clear.value = null;
        recordedAt.value = null;
        open.value = null;
        notice.value = typeof ok === 'function' ? ok(updated) : ok;
        await nextTick();
        const shown = document.querySelector('[data-test=notice]');
        if (shown) shown.scrollIntoView({ block: 'nearest' });
      } catch (e) {
        fail(e, () => run(name, path, body, ok));
      } finally {
        busy.value = null;
      }
    }

    async function show(name) {
      problem.value = null;
      notice.value = null;
      clearErrors();
      reveal.open = false;
      Object.assign(f, { note: '', reason: '', toUnit: '', type: '', outcome: '', summary: '', closedOn: '', satisfaction: '' });
      open.value = open.value === name ? null : name;
      if (name === 'TRANSFER' && open.value) {
        try {
          targets.value = await api.get(base() + '/transfer-targets');
        } catch (e) {
          targets.value = [];
          fail(e, () => show(name));
        }
      }
    }
    const orNull = (v) => (v === '' || v === null || v === undefined ? null : v);
    function submit(name) {
      switch (name) {
        case 'ACCEPT':
          return run(name, '/accept', { note: orNull(f.note) }, { zh: '已受理，请在期限内办结。', en: 'Accepted; conclude it before the deadline.' });
        case 'STEP':
          return run(name, '/steps', { type: orNull(f.type), note: orNull(f.note) }, { zh: '已记录办理情况。', en: 'The step is recorded.' });
        case 'TRANSFER':
          return run(name, '/transfers', { toUnit: orNull(f.toUnit), reason: orNull(f.reason) }, (u) => ({
            zh: '已转办至' + u.pendingTransfer.toUnit.name + '，等待对方接收。',
            en: 'Transferred to ' + u.pendingTransfer.toUnit.name + '; waiting for them to accept it.',
          }));
        case 'TRANSFER_ACCEPT':
          return run(name, '/transfers/accept', { note: orNull(f.note) },
            { zh: '已接收，本单位现为承办单位。', en: 'Accepted: your unit now handles the case.' });
        case 'TRANSFER_REJECT':
          return run(name, '/transfers/reject', { reason: orNull(f.reason) },
            (u) => ({ zh: '已退回，案件仍由' + u.handlingUnit.name + '办理。', en: 'Returned; ' + u.handlingUnit.name + ' keeps the case.' }));
        case 'CLOSE':
          return run(name, '/close', { outcome: orNull(f.outcome), summary: orNull(f.summary), closedOn: orNull(f.closedOn) },
            { zh: '已结案。', en: 'The case is closed.' });
        case 'FOLLOW_UP':
          return run(name, '/follow-up', { satisfaction: f.satisfaction === '' ? null : Number(f.satisfaction), note: orNull(f.note) },
            { zh: '已记录回访。', en: 'The follow-up is recorded.' });
        case 'REOPEN':
          return run(name, '/reopen', { reason: orNull(f.reason) },
            (u) => ({ zh: '已重新办理，新的办结期限为' + date(u.concludeDueDate) + '。', en: 'Reopened; to be concluded by ' + date(u.concludeDueDate) + '.' }));
        default:
          return null;
      }
    }

    /** 查看完整信息: the reason goes to the access record with the read. */
    async function unmask() {
      busy.value = 'UNMASK';
      problem.value = null;
      notice.value = null;
      clearErrors();
      try {
        clear.value = await api.post(base() + '/unmask', { reason: orNull(reveal.reason.trim()) });
        recordedAt.value = new Date().toISOString();
        reveal.open = false;
        reveal.reason = '';
      } catch (e) {
        fail(e, unmask);
      } finally {
        busy.value = null;
      }
    }
    function openReveal() {
      open.value = null;
      problem.value = null;
      clearErrors();
      reveal.open = true;
    }
    function hide() {
      clear.value = null;
      recordedAt.value = null;
    }

    const v = computed(() => clear.value || c.value);
    const may = (action) => !!(c.value && (c.value.actions || []).includes(action));
    const offered = computed(() => ACTIONS.filter(([code]) => may(code)));
    const working = (name, zh, en) => (busy.value === name ? L('正在提交…', 'Submitting…') : L(zh, en));
    /** 确认受理, 确认转办, … on the open form's button. */
    const confirmWords = (name) => {
      const a = ACTIONS.find(([code]) => code === name);
      return a ? working(name, '确认' + a[1], 'Confirm: ' + a[2].toLowerCase()) : '';
    };
    const stepLabel = (t) => (t.step ? label('step', t.step) : null);
    const entryLabel = (t) => {
      const pair = TIMELINE[t.type && t.type.code];
      return pair ? L(pair[0], pair[1]) : label('timeline', t.type);
    };
    const err = (field) => errors[field];
    const yesNo = (b) => (b ? L('是', 'Yes') : L('否', 'No'));
    const withheld = () => L('（已隐藏）', '(hidden)');
    onMounted(load);
    return {
      c, v, clear, recordedAt, codes, loadProblem, problem, notice, busy, open, targets, f, reveal, offered, may,
      load, show, submit, unmask, openReveal, hide, working, confirmWords, stepLabel, entryLabel, err, yesNo, withheld, label, L, date, dateTime,
    };
  },
  template: `
  <section class="page case-page">
    <p class="crumbs"><a href="#/cases">{{ L('维权案件', 'Rights cases') }}</a> <span class="sep">›</span></p>
    <Problem v-if="loadProblem" :problem="loadProblem" @retry="load"></Problem>
    <template v-if="c">
      <div class="case-head">
        <h1 data-test="case-number">{{ c.caseNumber || L('案件（未编号）', 'Case (no number yet)') }}</h1>
        <span class="badge" :class="'case-' + c.status.code" data-test="case-status">{{ label('status', c.status) }}</span>
        <Countdown v-if="c.daysLeft !== null && c.daysLeft !== undefined" :c="c"></Countdown>
        <span v-if="c.overdue" class="badge RED" data-test="overdue-mark">{{ L('逾期', 'Overdue') }}</span>
        <span v-if="c.urgent" class="badge RED">{{ L('紧急', 'Urgent') }}</span>
        <span v-if="c.possibleRepeat" class="badge YELLOW">{{ L('疑似重复信访', 'Possible repeat') }}</span>
      </div>
      <Alert :error="notice" kind="ok" data-test="notice"></Alert>
      <Problem v-if="!open && !reveal.open" :problem="problem" @retry="problem && problem.again && problem.again()" @reload="load"></Problem>
      <div v-if="c.pendingTransfer" class="notice transfer-note" data-test="pending-transfer">
        <template v-if="may('TRANSFER_ACCEPT')">{{ L(c.pendingTransfer.fromUnit.name + '将本案' + label('direction', c.pendingTransfer.direction) + '给本单位，请接收或退回。', c.pendingTransfer.fromUnit.name + ' sent this case to your unit; accept or return it.') }}</template>
        <template v-else>{{ L('本案已转办至' + c.pendingTransfer.toUnit.name + '，等待对方接收。', 'Transferred to ' + c.pendingTransfer.toUnit.name + '; waiting for them to accept it.') }}</template>
      </div>

      <dl class="facts" data-test="case-facts">
        <div><dt>{{ L('类别', 'Category') }}</dt><dd>{{ label('category', c.category) }}</dd></div>
        <div><dt>{{ L('来源渠道', 'Channel') }}</dt><dd>{{ label('channel', c.channel) }}</dd></div>
        <div><dt>{{ L('受理日期', 'Received') }}</dt><dd>{{ date(c.receivedOn) }}</dd></div>
        <div><dt>{{ L('当前承办单位', 'Handled by') }}</dt><dd data-test="handling-unit">{{ c.handlingUnit.name }}</dd></div>
        <div><dt>{{ L('登记单位', 'Registered by') }}</dt><dd>{{ c.registeredUnit.name }}</dd></div>
        <div><dt>{{ L('受理期限', 'Accept by') }}</dt><dd>{{ date(c.acceptDueDate) }}</dd></div>
        <div><dt>{{ L('办结期限', 'Conclude by') }}</dt><dd>{{ date(c.concludeDueDate) }}</dd></div>
        <div v-if="c.outcome"><dt>{{ L('办结结果', 'Outcome') }}</dt><dd data-test="outcome">{{ label('outcome', c.outcome) }}
          <span v-if="c.closedOnTime === true" class="badge GREEN">{{ L('按期办结', 'On time') }}</span>
          <span v-else-if="c.closedOnTime === false" class="badge RED">{{ L('超期办结', 'Late') }}</span></dd></div>
        <div v-if="c.satisfactionLevel"><dt>{{ L('回访满意度', 'Satisfaction') }}</dt><dd data-test="satisfaction">{{ label('satisfaction', c.satisfactionLevel) }}</dd></div>
      </dl>

      <div class="card" data-test="actions" v-if="offered.length">
        <h2>{{ L('办理', 'Handle the case') }}</h2>
        <div class="actions">
          <button v-for="[code, zh, en] in offered" :key="code" type="button" :class="{ primary: open === code }"
                  :aria-expanded="open === code ? 'true' : 'false'" :data-test="'action-' + code" @click="show(code)">{{ L(zh, en) }}</button>
        </div>
        <form v-if="open" class="form action-form" :data-test="'panel-' + open" @submit.prevent="submit(open)" novalidate>
          <Problem :problem="problem" @retry="problem && problem.again && problem.again()" @reload="load"></Problem>
          <template v-if="open === 'ACCEPT' || open === 'TRANSFER_ACCEPT'">
            <Field :label="L('备注（选填）', 'Note (optional)')" :error="err('note')" name="note" v-slot="x">
              <textarea :id="x.id" v-bind="x.aria" v-model="f.note" rows="2"></textarea></Field>
          </template>
          <template v-if="open === 'TRANSFER'">
            <Field :label="L('接收单位', 'Receiving unit')" :error="err('toUnit')" required name="toUnit"
                   :hint="L('可交办给直接下级单位，或上报上一级单位。', 'Hand down to a unit directly below, or escalate to the unit above.')" v-slot="x">
              <select :id="x.id" v-bind="x.aria" v-model="f.toUnit" data-test="to-unit">
                <option value="">{{ targets ? L('请选择', 'Choose') : L('加载中…', 'Loading…') }}</option>
                <option v-for="t in targets || []" :key="t.unit.path" :value="t.unit.path">{{ label('direction', t.direction) }}{{ L('：', ': ') }}{{ t.unit.name }}</option>
              </select></Field>
            <Field :label="L('转办原因', 'Reason')" :error="err('reason')" required name="reason" v-slot="x">
              <textarea :id="x.id" v-bind="x.aria" v-model="f.reason" rows="2"></textarea></Field>
          </template>
          <template v-if="open === 'TRANSFER_REJECT' || open === 'REOPEN'">
            <Field :label="open === 'REOPEN' ? L('重新办理原因', 'Reason for reopening') : L('退回原因', 'Reason for returning it')"
                   :error="err('reason')" required name="reason" v-slot="x">
              <textarea :id="x.id" v-bind="x.aria" v-model="f.reason" rows="2"></textarea></Field>
          </template>
          <template v-if="open === 'STEP'">
            <Field :label="L('办理方式', 'Kind of step')" :error="err('type')" required name="type" v-slot="x">
              <select :id="x.id" v-bind="x.aria" v-model="f.type"><option value="">{{ L('请选择', 'Choose') }}</option>
                <option v-for="s in codes.stepTypes" :key="s.code" :value="s.code">{{ label('step', s) }}</option></select></Field>
            <Field :label="L('办理情况', 'What was done')" :error="err('note')" required name="note" v-slot="x">
              <textarea :id="x.id" v-bind="x.aria" v-model="f.note" rows="3"></textarea></Field>
          </template>
          <template v-if="open === 'CLOSE'">
            <div class="row">
              <Field :label="L('办结结果', 'Outcome')" :error="err('outcome')" required name="outcome" v-slot="x">
                <select :id="x.id" v-bind="x.aria" v-model="f.outcome"><option value="">{{ L('请选择', 'Choose') }}</option>
                  <option v-for="s in codes.outcomes" :key="s.code" :value="s.code">{{ label('outcome', s) }}</option></select></Field>
              <Field :label="L('办结日期（默认今天）', 'Concluded on (today if empty)')" :error="err('closedOn')" name="closedOn" v-slot="x">
                <input :id="x.id" v-bind="x.aria" type="date" v-model="f.closedOn"></Field>
            </div>
            <Field :label="L('办结情况', 'Summary')" :error="err('summary')" required name="summary" v-slot="x">
              <textarea :id="x.id" v-bind="x.aria" v-model="f.summary" rows="3"></textarea></Field>
          </template>
          <template v-if="open === 'FOLLOW_UP'">
            <Field :label="L('当事人满意度', 'Satisfaction')" :error="err('satisfaction')" required name="satisfaction" v-slot="x">
              <div class="choices" role="radiogroup" :id="x.id" :aria-invalid="x.aria['aria-invalid']">
                <label v-for="s in codes.satisfactions" :key="s.code" class="check">
                  <input type="radio" name="satisfaction" :value="String(s.score)" v-model="f.satisfaction" :data-test="'satisfaction-' + s.code"> {{ label('satisfaction', s) }}</label>
              </div></Field>
            <Field :label="L('回访情况（选填）', 'Notes (optional)')" :error="err('note')" name="note" v-slot="x">
              <textarea :id="x.id" v-bind="x.aria" v-model="f.note" rows="2"></textarea></Field>
          </template>
          <div class="form-actions">
            <button type="submit" class="primary" :disabled="!!busy" :data-test="'submit-' + open">{{ confirmWords(open) }}</button>
            <button type="button" @click="open = null">{{ L('取消', 'Cancel') }}</button>
          </div>
        </form>
      </div>

      <div class="card personal" data-test="personal">
        <div class="card-head">
          <h2>{{ L('当事人信息', 'Complainant') }}</h2>
          <span v-if="clear" class="badge GREEN">{{ L('完整信息', 'In full') }}</span>
          <span v-else class="badge">{{ L('已脱敏', 'Masked') }}</span>
        </div>
        <p v-if="clear && recordedAt" class="recorded" data-test="recorded">{{ L('本次查看已记录', 'This view has been recorded') }}{{ L('（' + dateTime(recordedAt) + '）', ' (' + dateTime(recordedAt) + ')') }}</p>
        <dl class="facts plain">
          <div><dt>{{ L('姓名', 'Name') }}</dt><dd data-test="complainant-name">{{ v.complainant.name || '—' }}</dd></div>
          <div><dt>{{ L('联系电话', 'Phone') }}</dt><dd data-test="complainant-phone">{{ v.complainant.phone || '—' }}</dd></div>
          <div class="wide"><dt>{{ L('身份证号', 'ID number') }}</dt><dd data-test="complainant-id">{{ v.complainant.idNumber || '—' }}</dd></div>
          <div class="wide"><dt>{{ L('住址', 'Address') }}</dt><dd>{{ v.complainant.address || '—' }}</dd></div>
          <div><dt>{{ L('涉及未成年人', 'Minor involved') }}</dt><dd>{{ yesNo(v.minorInvolved) }}</dd></div>
          <div v-if="v.respondent"><dt>{{ L('被投诉人', 'Respondent') }}</dt><dd>{{ v.respondent.name || '—' }}<template v-if="v.respondent.relation">{{ L('（' + v.respondent.relation + '）', ' (' + v.respondent.relation + ')') }}</template></dd></div>
        </dl>
        <h3>{{ L('反映情况', 'Account') }}</h3>
        <p class="prose" data-test="account">{{ clear ? (v.account || '—') : withheld() }}</p>
        <template v-if="v.closingSummary">
          <h3>{{ L('办结情况', 'Summary') }}</h3>
          <p class="prose">{{ v.closingSummary }}</p>
        </template>
        <div class="actions" v-if="may('UNMASK')">
          <button v-if="!clear && !reveal.open" type="button" data-test="unmask" @click="openReveal">{{ L('查看完整信息', 'See in full') }}</button>
          <button v-if="clear" type="button" data-test="hide" @click="hide">{{ L('隐藏完整信息', 'Mask again') }}</button>
        </div>
        <form v-if="reveal.open" class="form reveal" data-test="unmask-form" @submit.prevent="unmask" novalidate>
          <Problem :problem="problem" @retry="problem && problem.again && problem.again()" @reload="load"></Problem>
          <Field :label="L('查看原因', 'Why you need to see it')" :error="err('reason')" required name="reason"
                 :hint="L('本次查看将被记录（查看人、时间、原因）。请勿在原因中填写当事人个人信息。', 'The view is recorded with who, when and why. Do not put personal data into the reason.')" v-slot="x">
            <input :id="x.id" v-bind="x.aria" v-model="reveal.reason" maxlength="200" :placeholder="L('如：回访前核实联系电话', 'e.g. checking the phone number before a follow-up call')"></Field>
          <div class="form-actions">
            <button type="submit" class="primary" :disabled="!!busy" data-test="unmask-confirm">{{ working('UNMASK', '确认查看', 'Show') }}</button>
            <button type="button" @click="reveal.open = false">{{ L('取消', 'Cancel') }}</button>
          </div>
        </form>
      </div>

      <div class="card">
        <h2>{{ L('办理经过', 'Timeline') }}</h2>
        <ol class="timeline" data-test="timeline">
          <li v-for="(t, i) in v.timeline" :key="i" :data-type="t.type.code">
            <div class="when">{{ dateTime(t.at) }}</div>
            <div class="what"><strong>{{ entryLabel(t) }}</strong><template v-if="stepLabel(t)">{{ L('：', ': ') }}{{ stepLabel(t) }}</template>
              <template v-if="t.type.code === 'TRANSFER_REQUESTED' && t.toUnit"> → {{ t.toUnit.name }}</template></div>
            <div class="who">{{ t.unit && t.unit.name }} · {{ t.by === 'system' ? L('系统', 'system') : t.by }}</div>
            <div v-if="t.note" class="note">{{ t.note }}</div>
          </li>
        </ol>
        <p v-if="!clear" class="hint">{{ L('办理备注属于个人信息，查看完整信息后显示。', 'Notes are shown with the full information.') }}</p>
      </div>
    </template>
    <p v-else-if="!loadProblem" class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};

export const CaseForm = {
  setup() {
    const codes = ref(null);
    const problem = ref(null);
    const form = useForm();
    const saved = ref(null);
    const c = reactive({
      channel: '', category: '', urgent: false, account: '', receivedOn: '',
      complainant: { name: '', phone: '', idNumber: '', address: '', minorInvolved: false },
      respondent: { name: '', relation: '' },
    });
    async function loadForm() {
      try {
        codes.value = await loadCodes();
        problem.value = null;
      } catch (e) {
        problem.value = explain(e);
      }
    }
    onMounted(loadForm);
    const orNull = (v) => (v === '' ? null : v);
    async function save() {
      form.busy.value = true;
      problem.value = null;
      try {
        saved.value = await api.post('/api/rights/cases', {
          channel: orNull(c.channel), category: orNull(c.category), urgent: c.urgent, account: orNull(c.account),
          receivedOn: orNull(c.receivedOn),
          complainant: {
            name: orNull(c.complainant.name), phone: orNull(c.complainant.phone), idNumber: orNull(c.complainant.idNumber),
            address: orNull(c.complainant.address), minorInvolved: c.complainant.minorInvolved,
          },
          respondent: c.respondent.name || c.respondent.relation
            ? { name: orNull(c.respondent.name), relation: orNull(c.respondent.relation) } : null,
        });
        form.clear();
        window.scrollTo(0, 0);
      } catch (e) {
        form.fail(e);
        const x = explain(e);
        if (x.kind !== 'fields') {
          form.general.value = null;
          problem.value = { ...x, again: save };
        }
      } finally {
        form.busy.value = false;
      }
    }
    const err = (f) => form.errors[f];
    return { codes, problem, form, saved, c, save, loadForm, err, label, L };
  },
  components: { Problem },
  template: `
  <section class="page">
    <p class="crumbs"><a href="#/cases">{{ L('维权案件', 'Rights cases') }}</a> <span class="sep">›</span></p>
    <h1>{{ L('登记维权案件', 'Register a rights case') }}</h1>
    <Problem :problem="problem" @retry="problem && problem.again ? problem.again() : loadForm()"></Problem>
    <div v-if="saved" class="card" data-test="case-registered">
      <Alert :error="{ zh: '案件已登记，编号：' + saved.caseNumber + '。', en: 'The case is registered as ' + saved.caseNumber + '.' }" kind="ok"></Alert>
      <p class="big-number" data-test="case-number">{{ saved.caseNumber }}</p>
      <div class="actions">
        <a class="button primary" :href="'#/cases/' + encodeURIComponent(saved.id)" data-test="open-case">{{ L('打开案件', 'Open the case') }}</a>
        <a class="button" href="#/cases" data-test="back-to-list">{{ L('返回案件列表', 'Back to the cases') }}</a>
      </div>
    </div>
    <form v-else-if="codes" class="form" @submit.prevent="save" novalidate data-test="case-form">
      <Alert :error="form.general.value"></Alert>
      <div class="row">
        <Field :label="L('来源渠道', 'Channel')" :error="err('channel')" required name="channel" v-slot="f">
          <select :id="f.id" v-bind="f.aria" v-model="c.channel"><option value="">{{ L('请选择', 'Choose') }}</option>
            <option v-for="x in codes.channels" :key="x.code" :value="x.code">{{ label('channel', x) }}</option></select>
        </Field>
        <Field :label="L('问题类别', 'Category')" :error="err('category')" required name="category" v-slot="f">
          <select :id="f.id" v-bind="f.aria" v-model="c.category"><option value="">{{ L('请选择', 'Choose') }}</option>
            <option v-for="x in codes.categories" :key="x.code" :value="x.code">{{ label('category', x) }}</option></select>
        </Field>
        <Field :label="L('受理日期（默认今天，可补录往年）', 'Received on (today if empty)')" :error="err('receivedOn')" name="receivedOn" v-slot="f">
          <input :id="f.id" v-bind="f.aria" type="date" v-model="c.receivedOn" name="receivedOn">
        </Field>
      </div>
      <label class="check"><input type="checkbox" v-model="c.urgent" data-test="urgent"> {{ L('紧急（人身安全受威胁）', 'Urgent (danger)') }}</label>
      <fieldset><legend>{{ L('当事人', 'Complainant') }}</legend>
        <div class="row">
          <Field :label="L('姓名', 'Name')" :error="err('complainant.name')" required name="complainant.name" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.complainant.name" autocomplete="off"></Field>
          <Field :label="L('电话', 'Phone')" :error="err('complainant.phone')" name="complainant.phone" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.complainant.phone" inputmode="tel" autocomplete="off"></Field>
          <Field :label="L('身份证号', 'ID number')" :error="err('complainant.idNumber')" name="complainant.idNumber" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.complainant.idNumber" autocomplete="off"></Field>
        </div>
        <Field :label="L('住址', 'Address')" :error="err('complainant.address')" name="complainant.address" v-slot="f">
          <input :id="f.id" v-bind="f.aria" v-model="c.complainant.address" autocomplete="off"></Field>
        <label class="check"><input type="checkbox" v-model="c.complainant.minorInvolved"> {{ L('涉及未成年人', 'A minor is involved') }}</label>
      </fieldset>
      <fieldset><legend>{{ L('被投诉人（如有）', 'Respondent (if any)') }}</legend>
        <div class="row">
          <Field :label="L('姓名', 'Name')" :error="err('respondent.name')" name="respondent.name" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.respondent.name" autocomplete="off"></Field>
          <Field :label="L('与当事人关系', 'Relation')" :error="err('respondent.relation')" name="respondent.relation" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.respondent.relation" :placeholder="L('如：丈夫、用人单位', 'e.g. husband, employer')"></Field>
        </div>
      </fieldset>
      <Field :label="L('反映情况', 'Account')" :error="err('account')" required name="account" v-slot="f">
        <textarea :id="f.id" v-bind="f.aria" v-model="c.account" rows="4"></textarea></Field>
      <div class="form-actions">
        <button type="submit" class="primary" :disabled="form.busy.value" data-test="save-case">{{ form.busy.value ? L('正在登记…', 'Registering…') : L('登记', 'Register') }}</button>
        <a class="button" href="#/cases">{{ L('取消', 'Cancel') }}</a>
      </div>
    </form>
    <p v-else-if="!problem" class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
