// Progress reports (进度填报): what my unit owes (the form comes pre-filled with the live figure), returned reports
// with the reason, and the reports of the units below to approve or return.
import { ref, reactive, onMounted } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { L, num, date, dateTime } from '../i18n.js';
import { useForm, problemText } from '../components.js';
import { session, currentYear } from '../session.js';

export const Reports = {
  setup() {
    const year = ref(currentYear());
    const owed = ref(null);
    const toReview = ref(null);
    const mine = ref(null);
    const error = ref(null);
    const open = ref(null);
    const entry = reactive({ value: '', correctionExplanation: '', narrative: '' });
    const form = useForm();
    const note = ref(null);
    const reasons = reactive({});

    async function load() {
      try {
        const own = session.user.unitPath;
        owed.value = await api.get('/api/reports/progress-reports/owed' + qs({ unit: own, year: year.value, size: 50 }));
        const all = await api.get('/api/reports/progress-reports' + qs({ size: 100 }));
        mine.value = all.items.filter((r) => r.unitPath === own);
        toReview.value = all.items.filter((r) => r.status === 'SUBMITTED' && r.unitPath !== own
          && r.unitPath.split('/').slice(0, -1).join('/') === own);
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    async function start(o) {
      form.clear();
      try {
        const f = await api.get('/api/reports/progress-reports/form' + qs({ assignmentId: o.assignmentId, period: o.period }));
        open.value = f;
        entry.value = f.liveFigure === null || f.liveFigure === undefined ? '' : String(f.liveFigure);
        entry.correctionExplanation = '';
        entry.narrative = '';
      } catch (e) {
        window.alert(L(problemText(e).zh, problemText(e).en));
      }
    }
    async function submit() {
      form.busy.value = true;
      try {
        await api.post('/api/reports/progress-reports', {
          assignmentId: open.value.assignment.assignmentId, period: open.value.period,
          value: entry.value === '' ? null : Number(entry.value),
          correctionExplanation: entry.correctionExplanation || null, narrative: entry.narrative || null,
        });
        open.value = null;
        note.value = { zh: '进度已报送,等待上级审核。', en: 'Submitted for review.' };
        await load();
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    async function review(r, approve) {
      try {
        if (approve) await api.post('/api/reports/progress-reports/' + encodeURIComponent(r.id) + '/approve');
        else await api.post('/api/reports/progress-reports/' + encodeURIComponent(r.id) + '/return', { reason: reasons[r.id] || '' });
        note.value = approve ? { zh: '已审核通过。', en: 'Approved.' } : { zh: '已退回。', en: 'Returned.' };
        await load();
      } catch (e) {
        const f = e.fields && e.fields.reason;
        window.alert(f ? L(f.zh, f.en) : L(problemText(e).zh, problemText(e).en));
      }
    }
    const lastReturn = (r) => {
      const s = (r.submissions || []).filter((x) => x.returnReason);
      return s.length ? s[s.length - 1].returnReason : null;
    };
    onMounted(load);
    return { year, owed, toReview, mine, error, open, entry, form, note, reasons, load, start, submit, review, lastReturn, L, num, date, dateTime };
  },
  template: `
  <section class="page">
    <h1>{{ L('进度填报', 'Progress reports') }}</h1>
    <Alert :error="note" kind="ok"></Alert>
    <Empty v-if="error" :unavailable="error.unavailable"></Empty>
    <template v-else-if="owed">
      <section class="card" v-if="open">
        <h2>{{ open.assignment.taskTitle }} · {{ open.periodLabel }}</h2>
        <p class="hint">{{ L('已按本单位录入的活动预填:', 'Pre-filled from your recorded activities: ') }}{{ num(open.liveFigure) }}{{ open.assignment.indicatorUnit }}</p>
        <Alert :error="form.general.value"></Alert>
        <form class="form" @submit.prevent="submit" novalidate>
          <div class="row">
            <Field :label="L('本期累计完成', 'Achieved so far')" :error="form.errors.value" required name="value" v-slot="f">
              <input :id="f.id" v-bind="f.aria" type="number" min="0" step="any" v-model="entry.value" class="short"></Field>
            <Field :label="L('与系统数据不一致的说明', 'Why it differs from the live figure')" :error="form.errors.correctionExplanation" name="correctionExplanation" v-slot="f">
              <input :id="f.id" v-bind="f.aria" v-model="entry.correctionExplanation"></Field>
          </div>
          <Field :label="L('工作进展', 'Narrative')" :error="form.errors.narrative" name="narrative" v-slot="f">
            <textarea :id="f.id" v-bind="f.aria" v-model="entry.narrative" rows="3"></textarea></Field>
          <div class="form-actions"><button type="submit" class="primary" :disabled="form.busy.value">{{ L('报送', 'Submit') }}</button>
            <button type="button" @click="open = null">{{ L('取消', 'Cancel') }}</button></div>
        </form>
      </section>
      <section class="card">
        <h2>{{ L('本单位待报', 'Reports my unit owes') }}</h2>
        <Empty v-if="!owed.items.length" :text="L('暂无待报事项', 'Nothing owed')"></Empty>
        <table v-else class="grid"><thead><tr><th>{{ L('任务', 'Task') }}</th><th>{{ L('期次', 'Period') }}</th><th>{{ L('截止', 'Due') }}</th><th></th></tr></thead>
          <tbody><tr v-for="o in owed.items" :key="o.assignmentId + o.period"><td>{{ o.taskTitle }}</td><td>{{ o.period }}</td>
            <td>{{ date(o.dueDate) }}<span v-if="o.overdue" class="badge RED">{{ L('逾期', 'Overdue') }}</span></td>
            <td><button type="button" class="small primary" @click="start(o)">{{ L('填报', 'Fill in') }}</button></td></tr></tbody></table>
      </section>
      <section class="card" v-if="mine && mine.length">
        <h2>{{ L('本单位已报', 'Submitted by my unit') }}</h2>
        <table class="grid"><thead><tr><th>{{ L('期次', 'Period') }}</th><th>{{ L('数值', 'Value') }}</th><th>{{ L('状态', 'Status') }}</th><th>{{ L('退回原因', 'Return reason') }}</th></tr></thead>
          <tbody><tr v-for="r in mine" :key="r.id"><td>{{ r.periodLabel }}</td><td class="num">{{ num(r.value) }}</td><td>{{ r.statusLabel }}</td><td>{{ lastReturn(r) || '—' }}</td></tr></tbody></table>
      </section>
      <section class="card" v-if="toReview && toReview.length">
        <h2>{{ L('下级报送待审核', 'Reports of the units below to review') }}</h2>
        <table class="grid"><thead><tr><th>{{ L('单位', 'Unit') }}</th><th>{{ L('期次', 'Period') }}</th><th>{{ L('数值', 'Value') }}</th><th>{{ L('审核', 'Review') }}</th></tr></thead>
          <tbody><tr v-for="r in toReview" :key="r.id"><td>{{ r.unitName }}</td><td>{{ r.periodLabel }}</td><td class="num">{{ num(r.value) }}</td>
            <td class="inline"><button type="button" class="small primary" @click="review(r, true)">{{ L('通过', 'Approve') }}</button>
              <input v-model="reasons[r.id]" :aria-label="L('退回原因', 'Return reason')" :placeholder="L('退回原因', 'Reason to return')">
              <button type="button" class="small danger" @click="review(r, false)">{{ L('退回', 'Return') }}</button></td></tr></tbody></table>
      </section>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
