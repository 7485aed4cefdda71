// Every unit's assignments: the inbox to acknowledge (签收), and one assignment with its allocation to the units below
// (live sum against the target), who has not acknowledged yet (催办), and deadline extensions.
import { ref, reactive, computed, onMounted } from '../vendor/vue.js';
import { api, ifMatch, qs } from '../api.js';
import { L, num, date, dateTime, measure, statusLabel } from '../i18n.js';
import { useForm, problemText } from '../components.js';
import { session, currentYear, isStaff } from '../session.js';

export const Inbox = {
  props: { query: Object },
  setup(props) {
    const year = ref(Number(props.query.year) || currentYear());
    const status = ref(props.query.status || '');
    const list = ref(null);
    const error = ref(null);
    const page = ref(0);
    const note = ref(null);
    async function load() {
      try {
        list.value = await api.get('/api/planning/assignments' + qs({ year: year.value, status: status.value, page: page.value, size: 50 }));
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    const busy = reactive({});
    const failure = ref(null);
    async function acknowledge(a) {
      if (!window.confirm(L('确认签收“' + a.taskTitle + '”？签收后即承担该任务目标。',
        'Acknowledge “' + a.taskTitle + '”? Your unit then holds its target.'))) return;
      busy[a.id] = true;
      failure.value = null;
      try {
        await api.post('/api/planning/assignments/' + encodeURIComponent(a.id) + '/acknowledge');
        note.value = { zh: '已签收：' + a.taskTitle, en: 'Acknowledged: ' + a.taskTitle };
        await load();
      } catch (e) {
        note.value = null;
        failure.value = problemText(e);
      } finally {
        busy[a.id] = false;
      }
    }
    const go = (p) => { page.value = p; load(); };
    const years = computed(() => {
      const y = currentYear();
      return [...new Set([year.value, y + 1, y, y - 1, y - 2])].sort((a, b) => b - a);
    });
    onMounted(load);
    return { year, status, list, error, go, load, acknowledge, busy, failure, note, years, L, num, date, measure, statusLabel, staff: isStaff() };
  },
  template: `
  <section class="page">
    <h1>{{ L('任务签收与分解', 'Assignments to acknowledge and allocate') }}</h1>
    <Alert :error="note" kind="ok"></Alert>
    <Alert :error="failure"></Alert>
    <div class="filters">
      <label>{{ L('年度', 'Year') }}
        <select v-model.number="year" @change="go(0)" data-test="year"><option v-for="y in years" :key="y" :value="y">{{ y }}</option></select></label>
      <label>{{ L('状态', 'Status') }}
        <select v-model="status" @change="go(0)">
          <option value="">{{ L('全部', 'All') }}</option>
          <option value="ASSIGNED">{{ L('待签收', 'To acknowledge') }}</option>
          <option value="ACKNOWLEDGED">{{ L('已签收', 'Acknowledged') }}</option>
        </select></label>
    </div>
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="list">
      <Empty v-if="!list.items.length" :text="L('本年度暂无下达给本单位的任务。', 'No assignments for your unit this year.')"></Empty>
      <table v-else class="grid cards-on-phone" data-test="inbox">
        <thead><tr>
          <th>{{ L('重点任务', 'Task') }}</th><th>{{ L('工作板块', 'Work area') }}</th><th>{{ L('本单位目标', 'Our target') }}</th>
          <th>{{ L('已分解', 'Allocated') }}</th><th>{{ L('完成时限', 'Due') }}</th><th>{{ L('状态', 'Status') }}</th><th>{{ L('操作', 'Actions') }}</th>
        </tr></thead>
        <tbody>
          <tr v-for="a in list.items" :key="a.id" :data-task="a.taskTitle">
            <td class="title"><a :href="'#/assignments/' + a.id">{{ a.taskTitle }}</a></td>
            <td :data-label="L('工作板块', 'Work area')">{{ a.workArea }}</td>
            <td class="num" :data-label="L('本单位目标', 'Our target')">{{ measure(a.target, a.indicator.unit) }}</td>
            <td class="num" :data-label="L('已分解', 'Allocated')">{{ a.indicator.kind === 'RATE' ? '—' : measure(a.allocatedToChildren, a.indicator.unit) }}</td>
            <td :data-label="L('完成时限', 'Due')">{{ date(a.dueDate) }}</td>
            <td :data-label="L('状态', 'Status')" class="status"><span class="badge" :class="a.status">{{ statusLabel(a.status, a.statusLabel) }}</span>
                <span v-if="a.reminders" class="badge RED">{{ L('被催办', 'Reminded') }}×{{ a.reminders }}</span></td>
            <td class="actions">
              <button v-if="a.status === 'ASSIGNED' && staff" type="button" class="primary small" :disabled="busy[a.id]" :aria-busy="busy[a.id] ? 'true' : 'false'" @click="acknowledge(a)" data-test="acknowledge">{{ busy[a.id] ? L('签收中…', 'Acknowledging…') : L('签收', 'Acknowledge') }}</button>
              <a class="button small" :href="'#/assignments/' + a.id">{{ a.status === 'ACKNOWLEDGED' ? L('分解下达', 'Allocate') : L('查看', 'Open') }}</a>
              <a v-if="a.status === 'ACKNOWLEDGED' && staff" class="button small" :href="'#/activities/new?assignment=' + a.id + '&year=' + a.year" data-test="record-activity">{{ L('记录活动', 'Record activity') }}</a>
            </td>
          </tr>
        </tbody>
      </table>
      <Pager :page="list.page" :size="list.size" :total="list.total" @go="go"></Pager>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};

export const AssignmentDetail = {
  props: { params: Object },
  setup(props) {
    const a = ref(null);
    const error = ref(null);
    const units = ref([]);
    const targets = reactive({});
    const children = ref([]);
    const form = useForm();
    const note = ref(null);
    const extension = reactive({ requestedDueDate: '', reason: '' });
    const extForm = useForm();
    const decisions = reactive({});
    const id = () => encodeURIComponent(props.params.id);

    async function load() {
      try {
        a.value = await api.get('/api/planning/assignments/' + id());
        error.value = null;
      } catch (e) {
        error.value = e;
        return;
      }
      const code = a.value.unitPath.split('/').pop();
      try {
        units.value = (await api.get('/api/planning/org-units/' + code + '/children')).filter((u) => !u.retired);
      } catch (e) {
        units.value = [];
      }
      retained.value = a.value.retained === null || a.value.retained === undefined ? '' : String(a.value.retained);
      for (const u of units.value) {
        const given = (a.value.allocations || []).find((x) => x.unitPath === u.path && !x.cancelled);
        targets[u.code] = given ? String(given.target) : (targets[u.code] || '');
      }
      try {
        children.value = await api.get('/api/planning/assignments/' + id() + '/children');
      } catch (e) {
        children.value = [];
      }
    }

    const isRate = computed(() => a.value && a.value.indicator.kind === 'RATE');
    const entered = computed(() => units.value
      .map((u) => ({ unitCode: u.code, target: targets[u.code] }))
      .filter((x) => x.target !== '' && x.target !== null && x.target !== undefined));
    const retained = ref('');
    const sum = computed(() => entered.value.reduce((s, x) => s + (Number(x.target) || 0), 0)
      + (isRate.value ? 0 : Number(retained.value) || 0));
    const target = computed(() => (a.value ? Number(a.value.target) : 0));
    const check = computed(() => {
      if (!a.value || isRate.value) return null;
      const diff = Math.round((target.value - sum.value) * 100) / 100;
      const atMost = a.value.indicator.direction === 'AT_MOST';
      // a floor is split exactly: short loses part of the target, over holds the units below to more (层层加码)
      const ok = atMost ? diff >= 0 : diff === 0;
      const u = a.value.indicator.unit;
      let zh; let en;
      if (diff > 0) { zh = '还差' + num(diff) + u; en = num(diff) + u + ' still to allocate'; }
      else if (diff < 0) {
        zh = atMost ? '超过上限' + num(-diff) + u : '超出' + num(-diff) + u + '，不得层层加码';
        en = num(-diff) + u + (atMost ? ' above the ceiling' : ' over the target: a split must not raise it');
      } else { zh = '与目标一致'; en = 'matches the target'; }
      return { ok, diff, zh, en };
    });
    const rowError = (code) => {
      const i = entered.value.findIndex((x) => x.unitCode === code);
      return i < 0 ? null : (form.errors['allocations[' + i + '].target'] || form.errors['allocations[' + i + '].unitCode']);
    };

    async function allocate() {
      const u = a.value.indicator.unit || '';
      const lines = units.value.filter((x) => targets[x.code] !== '' && targets[x.code] !== undefined && targets[x.code] !== null)
        .map((x) => x.name + ' ' + num(targets[x.code]) + u);
      if (!window.confirm(L('确认保存分解？\n' + lines.join('\n') + '\n下级单位将收到待签收任务。',
        'Save this allocation?\n' + lines.join('\n') + '\nThe units below get it in their inbox.'))) return;
      form.busy.value = true;
      note.value = null;
      try {
        const body = {
          allocations: entered.value.map((x) => ({ unitCode: x.unitCode, target: Number(x.target) })),
          retained: isRate.value || retained.value === '' ? null : Number(retained.value),
        };
        a.value = await api.post('/api/planning/assignments/' + id() + '/allocations', body, ifMatch(a.value.version));
        form.clear();
        note.value = { zh: '已分解下达，下级单位将收到待签收任务。', en: 'Allocated: the units below have it in their inbox.' };
        await load();
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    const working = ref(null);
    const failure = ref(null);
    async function act(path, body, ok, what) {
      working.value = what || path;
      failure.value = null;
      try {
        await api.post(path, body);
        note.value = ok;
        await load();
      } catch (e) {
        note.value = null;
        failure.value = problemText(e);
      } finally {
        working.value = null;
      }
    }
    const acknowledge = () => {
      if (!window.confirm(L('确认签收“' + a.value.taskTitle + '”？签收后即承担该任务目标。',
        'Acknowledge “' + a.value.taskTitle + '”? Your unit then holds its target.'))) return null;
      return act('/api/planning/assignments/' + id() + '/acknowledge', {}, { zh: '已签收。', en: 'Acknowledged.' }, 'acknowledge');
    };
    const remind = (c) => act('/api/planning/assignments/' + encodeURIComponent(c.id) + '/remind', {},
      { zh: '已向' + c.unitName + '发出催办。', en: 'Reminder sent to ' + c.unitName + '.' }, 'remind-' + c.id);
    async function requestExtension() {
      try {
        await api.post('/api/planning/assignments/' + id() + '/extension', { ...extension });
        extForm.clear();
        note.value = { zh: '延期申请已提交。', en: 'Extension requested.' };
        await load();
      } catch (e) {
        extForm.fail(e);
      }
    }
    function decide(c, approve) {
      const reason = (decisions[c.id] || '').trim();
      return act('/api/planning/assignments/' + encodeURIComponent(c.id) + '/extension/decision', { approve, reason },
        approve ? { zh: '已批准延期。', en: 'Extension approved.' } : { zh: '已驳回延期申请。', en: 'Extension rejected.' });
    }
    const notAcknowledged = computed(() => children.value.filter((c) => c.status === 'ASSIGNED'));
    const own = computed(() => a.value && a.value.unitPath === (session.user && session.user.unitPath));
    onMounted(load);
    return {
      a, error, load, working, failure, units, targets, retained, children, form, note, isRate, sum, target, check, rowError, allocate, acknowledge,
      remind, extension, extForm, requestExtension, decisions, decide, notAcknowledged, own, L, num, date, dateTime,
      measure, statusLabel, staff: isStaff(),
    };
  },
  template: `
  <section class="page">
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="a">
      <div class="page-head">
        <h1>{{ a.taskTitle }} <span class="badge" :class="a.status">{{ statusLabel(a.status, a.statusLabel) }}</span></h1>
        <div class="actions">
          <button v-if="own && staff && a.status === 'ASSIGNED'" type="button" class="primary" :disabled="working === 'acknowledge'" @click="acknowledge" data-test="acknowledge">{{ working === 'acknowledge' ? L('签收中…', 'Acknowledging…') : L('签收', 'Acknowledge') }}</button>
          <a v-if="own && staff && a.status === 'ACKNOWLEDGED'" class="button" :href="'#/activities/new?assignment=' + a.id + '&year=' + a.year">{{ L('记录活动', 'Record activity') }}</a>
        </div>
      </div>
      <Alert :error="note" kind="ok"></Alert>
      <Alert :error="failure"></Alert>
      <dl class="facts">
        <div><dt>{{ L('承担单位', 'Unit') }}</dt><dd>{{ a.unitName }}</dd></div>
        <div><dt>{{ L('指标', 'Indicator') }}</dt><dd>{{ a.indicator.name }}</dd></div>
        <div><dt>{{ L('本单位目标', 'Target') }}</dt><dd data-test="target">{{ a.indicator.direction === 'AT_MOST' ? '≤' : '' }}{{ measure(a.target, a.indicator.unit) }}</dd></div>
        <div v-if="a.parentTarget != null"><dt>{{ L('上级目标', 'Parent target') }}</dt><dd>{{ measure(a.parentTarget, a.indicator.unit) }}</dd></div>
        <div><dt>{{ L('完成时限', 'Due') }}</dt><dd>{{ date(a.dueDate) }}</dd></div>
        <div v-if="a.acknowledgedAt"><dt>{{ L('签收时间', 'Acknowledged') }}</dt><dd>{{ dateTime(a.acknowledgedAt) }}</dd></div>
      </dl>

      <section v-if="own && staff && a.status === 'ACKNOWLEDGED' && units.length" class="card" aria-labelledby="alloc-h">
        <h2 id="alloc-h">{{ L('分解下达到下级单位', 'Allocate to the units below') }}</h2>
        <p v-if="isRate" class="hint">{{ L('比率类指标逐级下达，不累加；不填则沿用本单位目标，填写时只能更严格。', 'A rate is passed down, not added up; leave empty to inherit, or set a stricter one.') }}</p>
        <Alert :error="form.general.value"></Alert>
        <Alert :error="form.errors.allocations"></Alert>
        <form @submit.prevent="allocate" novalidate data-test="allocation-form">
          <table class="grid alloc">
            <thead><tr><th>{{ L('下级单位', 'Unit') }}</th><th>{{ L('分解目标（' + a.indicator.unit + '）', 'Target (' + a.indicator.unit + ')') }}</th></tr></thead>
            <tbody>
              <tr v-for="u in units" :key="u.code">
                <td><label :for="'t-' + u.code">{{ u.name }}</label></td>
                <td>
                  <input :id="'t-' + u.code" type="number" min="0" step="any" v-model="targets[u.code]" class="short"
                         :name="'target-' + u.code" :aria-invalid="rowError(u.code) ? 'true' : 'false'"
                         :aria-describedby="rowError(u.code) ? 'e-' + u.code : null">
                  <p v-if="rowError(u.code)" :id="'e-' + u.code" class="field-error" role="alert">{{ L(rowError(u.code).zh, rowError(u.code).en) }}</p>
                </td>
              </tr>
              <tr v-if="!isRate" class="retained">
                <td><label for="t-retained">{{ L('本级保留（本单位自行完成）', 'Kept by this unit') }}</label></td>
                <td>
                  <input id="t-retained" type="number" min="0" step="any" v-model="retained" class="short" name="retained"
                         :aria-invalid="form.errors.retained ? 'true' : 'false'" data-test="retained">
                  <p v-if="form.errors.retained" class="field-error" role="alert">{{ L(form.errors.retained.zh, form.errors.retained.en) }}</p>
                </td>
              </tr>
            </tbody>
          </table>
          <p v-if="check" class="sum" :class="check.ok ? 'ok' : 'short'" aria-live="polite" data-test="sum">
            {{ L('分解合计（含本级保留）', 'Allocated (incl. kept)') }} <strong>{{ num(sum) }}{{ a.indicator.unit }}</strong> /
            {{ L('目标', 'target') }} <strong>{{ num(target) }}{{ a.indicator.unit }}</strong>{{ L('：', ': ') }}{{ L(check.zh, check.en) }}
          </p>
          <div class="form-actions">
            <button type="submit" class="primary" :disabled="form.busy.value" :aria-busy="form.busy.value ? 'true' : 'false'" data-test="save-allocation">{{ form.busy.value ? L('保存中…', 'Saving…') : L('保存分解', 'Save allocation') }}</button>
          </div>
        </form>
      </section>

      <section v-if="children.length" class="card" aria-labelledby="children-h">
        <h2 id="children-h">{{ L('下级签收情况', 'Acknowledgement by the units below') }}
          <span class="badge" :class="notAcknowledged.length ? 'YELLOW' : 'GREEN'" data-test="not-acknowledged">
            {{ L('未签收 ' + notAcknowledged.length + ' 个', notAcknowledged.length + ' not acknowledged') }}</span></h2>
        <table class="grid cards-on-phone" data-test="children">
          <thead><tr><th>{{ L('单位', 'Unit') }}</th><th>{{ L('目标', 'Target') }}</th><th>{{ L('状态', 'Status') }}</th><th>{{ L('催办', 'Reminders') }}</th><th>{{ L('延期申请', 'Extension') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="c in children" :key="c.id" :data-unit="c.unitName">
              <td class="title">{{ c.unitName }}</td>
              <td class="num" :data-label="L('目标', 'Target')">{{ measure(c.target, c.indicator.unit) }}</td>
              <td :data-label="L('状态', 'Status')"><span class="badge" :class="c.status">{{ statusLabel(c.status, c.statusLabel) }}</span></td>
              <td class="num" :data-label="L('催办', 'Reminders')">{{ c.reminders || 0 }}</td>
              <td :data-label="c.extension ? L('延期申请', 'Extension') : null">
                <template v-if="c.extension">
                  {{ date(c.extension.requestedDueDate) }} · {{ c.extension.reason }} · {{ statusLabel(c.extension.status) }}
                  <div v-if="c.extension.status === 'PENDING' && own && staff" class="inline">
                    <input v-model="decisions[c.id]" :aria-label="L('审批意见', 'Reason')" :placeholder="L('驳回须说明理由', 'Reason (needed to reject)')">
                    <button type="button" class="small" @click="decide(c, true)">{{ L('批准', 'Approve') }}</button>
                    <button type="button" class="small danger" @click="decide(c, false)">{{ L('驳回', 'Reject') }}</button>
                  </div>
                </template>
              </td>
              <td><button v-if="c.status === 'ASSIGNED' && own && staff" type="button" class="small" :disabled="working === 'remind-' + c.id" @click="remind(c)" data-test="remind">{{ working === 'remind-' + c.id ? L('发送中…', 'Sending…') : L('催办', 'Remind') }}</button></td>
            </tr>
          </tbody>
        </table>
      </section>

      <section v-if="own && staff && a.parentAssignmentId && (!a.extension || a.extension.status !== 'PENDING')" class="card" aria-labelledby="ext-h">
        <h2 id="ext-h">{{ L('申请延期', 'Request a later deadline') }}</h2>
        <Alert :error="extForm.general.value"></Alert>
        <form class="row" @submit.prevent="requestExtension" novalidate>
          <Field :label="L('申请完成时限', 'New due date')" :error="extForm.errors.requestedDueDate" required name="requestedDueDate" v-slot="f">
            <input :id="f.id" v-bind="f.aria" type="date" v-model="extension.requestedDueDate">
          </Field>
          <Field :label="L('理由', 'Reason')" :error="extForm.errors.reason" required name="reason" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="extension.reason" maxlength="500">
          </Field>
          <div class="form-actions"><button type="submit">{{ L('提交申请', 'Request') }}</button></div>
        </form>
      </section>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
