// Progress reports (进度填报): what my unit (and the units below) still owe, filtered and paged, with the unit and the
// task on every row; the form opens under the row clicked, pre-filled with the activities up to the period's last day;
// what my unit submitted; and the reports of the units directly below to approve or return.
import { ref, reactive, computed, onMounted, watch } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { L, num, date, statusLabel, periodLabel, periodLabels, periodEnd, periodsOf } from '../i18n.js';
import { useForm, problemText } from '../components.js';
import { session, currentYear, isStaff } from '../session.js';

// ten rows a page: a phone shows them without endless scrolling
const SIZE = 10;

export const Reports = {
  props: { query: Object },
  setup(props) {
    const own = session.user.unitPath;
    const query = props.query || {};
    const year = ref(Number(query.year) || currentYear());
    const filters = reactive({ period: query.period || '', state: '', unit: query.unit || 'OWN' });
    const years = computed(() => { const y = currentYear(); return [...new Set([year.value, y + 1, y, y - 1])].sort((a, b) => b - a); });
    const periods = ref(periodsOf(year.value, 'QUARTERLY'));
    const children = ref([]);
    const owed = ref(null);
    const owedPage = ref(0);
    const mine = ref(null);
    const minePage = ref(0);
    const toReview = ref(null);
    const error = ref(null);
    const open = ref(null);
    const figure = ref(null);
    const entry = reactive({ value: '', correctionExplanation: '', narrative: '' });
    const form = useForm();
    const note = ref(null);
    const reasons = reactive({});
    const reviewError = ref(null);
    const reviewCut = ref(false);
    const busy = reactive({});
    const staff = isStaff();

    const owedTitle = computed(() => (filters.unit === 'OWN'
      ? L('本单位待报', 'Reports my unit owes')
      : L('待报事项（催报）', 'Reports owed (reminders)')));

    function unitQuery() {
      if (filters.unit === 'OWN') return { unit: own, subtree: false };
      if (filters.unit === 'ALL') return { unit: own, subtree: true };
      return { unit: filters.unit, subtree: true };
    }

    async function loadOwed() {
      owed.value = await api.get('/api/reports/progress-reports/owed' + qs({
        ...unitQuery(), year: year.value, period: filters.period, state: filters.state, page: owedPage.value, size: SIZE,
      }));
    }
    async function loadMine() {
      mine.value = await api.get('/api/reports/progress-reports' + qs({
        unit: own, subtree: false, period: filters.period, page: minePage.value, size: SIZE,
      }));
    }
    async function loadReview() {
      const all = await api.get('/api/reports/progress-reports' + qs({ unit: own, subtree: true, status: 'SUBMITTED', size: 200 }));
      toReview.value = all.items.filter((r) => r.unitPath.split('/').slice(0, -1).join('/') === own);
      reviewCut.value = all.total > all.items.length;
    }
    async function load() {
      try {
        await Promise.all([loadOwed(), loadMine(), loadReview()]);
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    async function reload() {
      owedPage.value = 0;
      minePage.value = 0;
      open.value = null;
      await load();
    }
    async function goOwed(p) {
      owedPage.value = p;
      open.value = null;
      try { await loadOwed(); } catch (e) { error.value = e; }
    }
    async function goMine(p) {
      minePage.value = p;
      try { await loadMine(); } catch (e) { error.value = e; }
    }
    async function changeYear() {
      await setup();
      // a period of the other year no longer applies; clearing it reloads through the watch below
      if (filters.period) filters.period = '';
      else await reload();
    }
    async function setup() {
      try {
        const schedule = await api.get('/api/reports/schedules/' + year.value);
        periods.value = periodsOf(year.value, schedule && schedule.frequency);
      } catch (e) { /* the quarters of the year are the default schedule */ }
      try {
        const code = own.split('/').pop();
        children.value = (await api.get('/api/planning/org-units/' + code + '/children')).filter((u) => !u.retired);
      } catch (e) {
        children.value = [];
      }
    }

    const key = (o) => o.assignmentId + '|' + o.period;
    async function start(o) {
      if (open.value && open.value.key === key(o)) {
        open.value = null;
        return;
      }
      form.clear();
      busy[key(o)] = true;
      try {
        const f = await api.get('/api/reports/progress-reports/form' + qs({ assignmentId: o.assignmentId, period: o.period }));
        let fig = null;
        try {
          fig = await api.get('/api/activities/figure' + qs({ assignmentId: o.assignmentId, to: periodEnd(o.period) }));
        } catch (e) { /* without the period's figure the form starts empty rather than with the whole year's */ }
        figure.value = fig;
        open.value = { ...f, key: key(o) };
        const value = fig ? fig.value : null;
        entry.value = value === null || value === undefined ? '' : String(value);
        const live = f.liveFigure;
        entry.correctionExplanation = value !== null && value !== undefined && live !== null && live !== undefined
          && Number(value) !== Number(live)
          ? L('按' + periodLabel(o.period) + '截至' + date(periodEnd(o.period)) + '的活动合计填报；系统实时数'
            + num(live) + '含此后录入的活动。',
          'Counted from the activities up to ' + date(periodEnd(o.period)) + ' (' + periodLabel(o.period)
            + '); the live figure ' + num(live) + ' includes later activities.')
          : '';
        entry.narrative = '';
      } catch (e) {
        const t = problemText(e);
        note.value = null;
        form.general.value = t;
        open.value = { key: key(o), failed: true };
      } finally {
        busy[key(o)] = false;
      }
    }
    async function submit() {
      if (!window.confirm(L('确认报送' + periodLabel(open.value.period) + '的进度？报送后由上级审核。',
        'Submit the progress of ' + periodLabel(open.value.period) + '? Your parent unit reviews it.'))) return;
      form.busy.value = true;
      try {
        await api.post('/api/reports/progress-reports', {
          assignmentId: open.value.assignment.assignmentId, period: open.value.period,
          value: entry.value === '' ? null : Number(entry.value),
          correctionExplanation: entry.correctionExplanation || null, narrative: entry.narrative || null,
        });
        const label = periodLabels(open.value.period);
        open.value = null;
        note.value = { zh: label.zh + '进度已报送，等待上级审核。', en: 'Submitted for review (' + label.en + ').' };
        await load();
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    async function review(r, approve) {
      const question = approve
        ? L('确认通过' + r.unitName + periodLabel(r.period) + '的进度报告？通过后不能再修改。',
          'Approve the report of ' + r.unitName + ' for ' + periodLabel(r.period) + '? It is then locked.')
        : L('确认退回' + r.unitName + '的报告？', 'Return the report of ' + r.unitName + '?');
      if (!window.confirm(question)) return;
      busy[r.id] = true;
      try {
        if (approve) await api.post('/api/reports/progress-reports/' + encodeURIComponent(r.id) + '/approve');
        else await api.post('/api/reports/progress-reports/' + encodeURIComponent(r.id) + '/return', { reason: reasons[r.id] || '' });
        note.value = approve ? { zh: '已审核通过。', en: 'Approved.' } : { zh: '已退回。', en: 'Returned.' };
        await load();
      } catch (e) {
        const f = e.fields && e.fields.reason;
        note.value = null;
        reviewError.value = { id: r.id, text: f || problemText(e) };
      } finally {
        busy[r.id] = false;
      }
    }
    const lastReturn = (r) => {
      const s = (r.submissions || []).filter((x) => x.returnReason);
      return s.length ? s[s.length - 1].returnReason : null;
    };
    const canFill = (o) => staff && o.unitPath === own;
    watch(() => [filters.period, filters.state, filters.unit], reload);
    onMounted(async () => { await setup(); await load(); });
    return {
      year, years, changeYear, filters, periods, children, owed, owedPage, mine, minePage, toReview, error, open, figure, entry, form, note,
      reasons, busy, owedTitle, reviewError, reviewCut, key, load, goOwed, goMine, start, submit, review, lastReturn, canFill,
      L, num, date, statusLabel, periodLabel, periodEnd, SIZE,
    };
  },
  template: `
  <section class="page reports">
    <h1>{{ L('进度填报', 'Progress reports') }}</h1>
    <Alert :error="note" kind="ok"></Alert>
    <div class="filters" role="search">
      <label>{{ L('年度', 'Year') }}
        <select v-model.number="year" @change="changeYear" data-test="year-filter"><option v-for="y in years" :key="y" :value="y">{{ y }}</option></select></label>
      <label>{{ L('期次', 'Period') }}
        <select v-model="filters.period" data-test="period-filter">
          <option value="">{{ L('全部已到期的期次', 'Every period ended so far') }}</option>
          <option v-for="p in periods" :key="p" :value="p">{{ periodLabel(p) }}</option>
        </select></label>
      <label>{{ L('状态', 'Status') }}
        <select v-model="filters.state" data-test="state-filter">
          <option value="">{{ L('全部', 'All') }}</option>
          <option value="MISSING">{{ L('未报', 'Not submitted') }}</option>
          <option value="RETURNED">{{ L('已退回', 'Returned') }}</option>
        </select></label>
      <label>{{ L('单位', 'Unit') }}
        <select v-model="filters.unit" data-test="unit-filter">
          <option value="OWN">{{ L('本单位', 'My unit') }}</option>
          <option v-if="children.length" value="ALL">{{ L('本单位及下级', 'My unit and those below') }}</option>
          <option v-for="u in children" :key="u.path" :value="u.path">{{ u.name }}</option>
        </select></label>
    </div>
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="owed">
      <section class="card" data-test="owed">
        <h2>{{ owedTitle }}</h2>
        <Empty v-if="!owed.items.length" :text="L('暂无待报事项', 'Nothing owed')"></Empty>
        <table v-else class="grid cards-on-phone owed"><thead><tr><th>{{ L('单位', 'Unit') }}</th><th>{{ L('任务', 'Task') }}</th>
          <th>{{ L('期次', 'Period') }}</th><th>{{ L('截止', 'Due') }}</th><th>{{ L('状态', 'Status') }}</th><th></th></tr></thead>
          <tbody>
            <template v-for="o in owed.items" :key="key(o)">
              <tr :class="{ overdue: o.overdue }" :data-row="key(o)">
                <td :data-label="L('单位', 'Unit')">{{ o.unitName }}</td>
                <td :data-label="L('任务', 'Task')">{{ o.taskTitle }}</td>
                <td :data-label="L('期次', 'Period')" class="period">{{ periodLabel(o.period) }}</td>
                <td :data-label="L('截止', 'Due')">{{ date(o.dueDate) }}<span v-if="o.overdue" class="badge RED">{{ L('逾期', 'Overdue') }}</span></td>
                <td :data-label="L('状态', 'Status')"><span class="badge" :class="o.state">{{ statusLabel(o.state) }}</span></td>
                <td class="actions"><button v-if="canFill(o)" type="button" class="small primary" :aria-expanded="open && open.key === key(o) ? 'true' : 'false'"
                  :disabled="busy[key(o)]" @click="start(o)">{{ busy[key(o)] ? L('打开中…', 'Opening…') : (open && open.key === key(o) ? L('收起', 'Close') : L('填报', 'Fill in')) }}</button></td>
              </tr>
              <tr v-if="open && open.key === key(o)" class="form-row"><td colspan="6">
                <Alert v-if="open.failed" :error="form.general.value"></Alert>
                <div v-else class="report-form" data-test="report-form">
                  <h3>{{ open.assignment.taskTitle }} · {{ periodLabel(open.period) }}</h3>
                  <p class="hint" v-if="figure">{{ L('已按本单位（含下级）' + date(figure.from) + '至' + date(figure.to) + '的' + figure.activities + '项活动预填：',
                    'Pre-filled from ' + figure.activities + ' activities of your unit and those below, ' + date(figure.from) + ' to ' + date(figure.to) + ': ') }}{{ num(figure.value) }}{{ open.assignment.indicatorUnit }}</p>
                  <p class="hint" v-else>{{ L('无法读取本期活动合计，请自行填写。', 'The activities of the period could not be read: please fill in the figure.') }}</p>
                  <p class="hint">{{ L('系统全年实时数：', 'Live figure for the year so far: ') }}{{ num(open.liveFigure) }}{{ open.assignment.indicatorUnit }}</p>
                  <Alert :error="form.general.value"></Alert>
                  <form class="form" @submit.prevent="submit" novalidate>
                    <div class="row">
                      <Field :label="L('本期累计完成', 'Achieved by the end of the period')" :error="form.errors.value" required name="value" v-slot="f">
                        <input :id="f.id" v-bind="f.aria" type="number" min="0" step="any" v-model="entry.value" class="short"></Field>
                      <Field :label="L('与系统数据不一致的说明', 'Why it differs from the live figure')" :error="form.errors.correctionExplanation" name="correctionExplanation" v-slot="f">
                        <textarea :id="f.id" v-bind="f.aria" v-model="entry.correctionExplanation" rows="2"></textarea></Field>
                    </div>
                    <Field :label="L('工作进展', 'Narrative')" :error="form.errors.narrative" name="narrative" v-slot="f">
                      <textarea :id="f.id" v-bind="f.aria" v-model="entry.narrative" rows="3"></textarea></Field>
                    <div class="form-actions"><button type="submit" class="primary" :disabled="form.busy.value">{{ form.busy.value ? L('报送中…', 'Submitting…') : L('报送', 'Submit') }}</button>
                      <button type="button" @click="open = null">{{ L('取消', 'Cancel') }}</button></div>
                  </form>
                </div>
              </td></tr>
            </template>
          </tbody></table>
        <Pager v-if="owed.total" :page="owed.page" :size="owed.size" :total="owed.total" numbers @go="goOwed"></Pager>
      </section>
      <section class="card" data-test="mine">
        <h2>{{ L('本单位已报', 'Submitted by my unit') }}</h2>
        <Empty v-if="!mine || !mine.items.length" :text="L('本单位尚未报送', 'Nothing submitted yet')"></Empty>
        <table v-else class="grid cards-on-phone"><thead><tr><th>{{ L('任务', 'Task') }}</th><th>{{ L('期次', 'Period') }}</th><th>{{ L('数值', 'Value') }}</th>
          <th>{{ L('状态', 'Status') }}</th><th>{{ L('退回原因', 'Return reason') }}</th></tr></thead>
          <tbody><tr v-for="r in mine.items" :key="r.id">
            <td :data-label="L('任务', 'Task')">{{ r.taskTitle || r.taskId }}</td>
            <td :data-label="L('期次', 'Period')" class="period">{{ periodLabel(r.period) }}</td>
            <td :data-label="L('数值', 'Value')" class="num">{{ num(r.value) }}</td>
            <td :data-label="L('状态', 'Status')"><span class="badge" :class="r.status">{{ statusLabel(r.status, r.statusLabel) }}</span></td>
            <td :data-label="L('退回原因', 'Return reason')">{{ lastReturn(r) || '—' }}</td></tr></tbody></table>
        <Pager v-if="mine && mine.total" :page="mine.page" :size="mine.size" :total="mine.total" numbers @go="goMine"></Pager>
      </section>
      <section class="card" v-if="toReview && toReview.length" data-test="review">
        <h2>{{ L('下级报送待审核', 'Reports of the units below to review') }}</h2>
        <p v-if="reviewCut" class="hint">{{ L('待审核报告较多，这里列出最早的部分；审核后其余的会依次列出。', 'Many reports wait: the earliest are listed; the rest follow as these are reviewed.') }}</p>
        <table class="grid cards-on-phone"><thead><tr><th>{{ L('单位', 'Unit') }}</th><th>{{ L('任务', 'Task') }}</th><th>{{ L('期次', 'Period') }}</th>
          <th>{{ L('数值', 'Value') }}</th><th>{{ L('审核', 'Review') }}</th></tr></thead>
          <tbody><tr v-for="r in toReview" :key="r.id">
            <td :data-label="L('单位', 'Unit')">{{ r.unitName }}</td>
            <td :data-label="L('任务', 'Task')">{{ r.taskTitle || r.taskId }}</td>
            <td :data-label="L('期次', 'Period')" class="period">{{ periodLabel(r.period) }}</td>
            <td :data-label="L('数值', 'Value')" class="num">{{ num(r.value) }}</td>
            <td :data-label="L('审核', 'Review')"><div class="inline">
              <button type="button" class="small primary" :disabled="busy[r.id]" @click="review(r, true)">{{ busy[r.id] ? L('处理中…', 'Working…') : L('通过', 'Approve') }}</button>
              <input v-model="reasons[r.id]" :aria-label="L('退回原因', 'Return reason')" :placeholder="L('退回原因', 'Reason to return')">
              <button type="button" class="small danger" :disabled="busy[r.id]" @click="review(r, false)">{{ L('退回', 'Return') }}</button></div>
              <p v-if="reviewError && reviewError.id === r.id" class="field-error" role="alert">{{ L(reviewError.text.zh, reviewError.text.en) }}</p></td></tr></tbody></table>
      </section>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
