// Rights desks (维权): the case list (always masked) and the intake form. Personal data is shown only where the
// rights-service decides (a recorded read by a rights officer); the console never unmasks anything itself.
import { ref, reactive, onMounted } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { L, date, dateTime } from '../i18n.js';
import { useForm } from '../components.js';

function label(code) {
  return code ? (code.label || code.code) : '—';
}

export const CaseList = {
  props: { query: Object },
  setup() {
    const list = ref(null);
    const error = ref(null);
    const page = ref(0);
    const status = ref('');
    const codes = ref(null);
    async function load() {
      try {
        if (!codes.value) codes.value = await api.get('/api/rights/codes');
        list.value = await api.get('/api/rights/cases' + qs({ status: status.value, page: page.value, size: 20 }));
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    const go = (p) => { page.value = p; load(); };
    onMounted(load);
    return { list, error, go, status, codes, label, L, date, dateTime };
  },
  template: `
  <section class="page">
    <div class="page-head">
      <h1>{{ L('维权案件', 'Rights cases') }}</h1>
      <div class="actions"><a class="button primary" href="#/cases/new">{{ L('登记案件', 'Register a case') }}</a></div>
    </div>
    <p class="hint">{{ L('列表中的个人信息一律脱敏显示。', 'Personal data is always masked in the list.') }}</p>
    <div class="filters" v-if="codes">
      <label>{{ L('状态', 'Status') }} <select v-model="status" @change="go(0)"><option value="">{{ L('全部', 'All') }}</option>
        <option v-for="s in codes.statuses" :key="s.code" :value="s.code">{{ s.label }}</option></select></label>
    </div>
    <Empty v-if="error" :unavailable="error.unavailable" :text="error.status === 403 ? L('没有查看维权案件的权限', 'You may not see rights cases') : null"></Empty>
    <template v-else-if="list">
      <Empty v-if="!list.items.length" :text="L('暂无案件', 'No cases')"></Empty>
      <table v-else class="grid">
        <thead><tr><th>{{ L('登记时间', 'Registered') }}</th><th>{{ L('来源', 'Channel') }}</th><th>{{ L('类别', 'Category') }}</th>
          <th>{{ L('当事人', 'Complainant') }}</th><th>{{ L('承办单位', 'Handled by') }}</th><th>{{ L('状态', 'Status') }}</th><th>{{ L('办理时限', 'Due') }}</th></tr></thead>
        <tbody>
          <tr v-for="c in list.items" :key="c.id" :class="{ overdue: c.overdue }">
            <td>{{ dateTime(c.registeredAt) }}</td><td>{{ label(c.channel) }}</td>
            <td>{{ label(c.category) }}<span v-if="c.urgent" class="badge RED">{{ L('紧急', 'Urgent') }}</span></td>
            <td>{{ c.complainantName }}</td><td>{{ c.handlingUnit && c.handlingUnit.name }}</td><td>{{ label(c.status) }}</td>
            <td>{{ date(c.nextDueDate) }}<span v-if="c.overdue" class="badge RED">{{ L('超期', 'Overdue') }}</span><span v-else-if="c.dueSoon" class="badge YELLOW">{{ L('临期', 'Due soon') }}</span></td>
          </tr>
        </tbody>
      </table>
      <Pager :page="list.page" :size="list.size" :total="list.total" @go="go"></Pager>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};

export const CaseForm = {
  setup() {
    const codes = ref(null);
    const unavailable = ref(false);
    const form = useForm();
    const saved = ref(null);
    const c = reactive({
      channel: '', category: '', urgent: false, account: '', receivedOn: '',
      complainant: { name: '', phone: '', idNumber: '', address: '', minorInvolved: false },
      respondent: { name: '', relation: '' },
    });
    onMounted(async () => {
      try { codes.value = await api.get('/api/rights/codes'); } catch (e) { unavailable.value = true; }
    });
    const orNull = (v) => (v === '' ? null : v);
    async function save() {
      form.busy.value = true;
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
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    const err = (f) => form.errors[f];
    return { codes, unavailable, form, saved, c, save, err, L };
  },
  template: `
  <section class="page">
    <h1>{{ L('登记维权案件', 'Register a rights case') }}</h1>
    <Empty v-if="unavailable" unavailable></Empty>
    <div v-else-if="saved" class="card">
      <Alert :error="{ zh: '案件已登记,编号 ' + saved.id, en: 'Registered as ' + saved.id }" kind="ok"></Alert>
      <a class="button" href="#/cases">{{ L('返回案件列表', 'Back to the cases') }}</a>
    </div>
    <form v-else-if="codes" class="form" @submit.prevent="save" novalidate>
      <Alert :error="form.general.value"></Alert>
      <div class="row">
        <Field :label="L('来源渠道', 'Channel')" :error="err('channel')" required name="channel" v-slot="f">
          <select :id="f.id" v-bind="f.aria" v-model="c.channel"><option value="">{{ L('请选择', 'Choose') }}</option>
            <option v-for="x in codes.channels" :key="x.code" :value="x.code">{{ x.label }}</option></select>
        </Field>
        <Field :label="L('问题类别', 'Category')" :error="err('category')" required name="category" v-slot="f">
          <select :id="f.id" v-bind="f.aria" v-model="c.category"><option value="">{{ L('请选择', 'Choose') }}</option>
            <option v-for="x in codes.categories" :key="x.code" :value="x.code">{{ x.label }}</option></select>
        </Field>
        <Field :label="L('受理日期(默认今天,可补录往年)', 'Received on (today if empty)')" :error="err('receivedOn')" name="receivedOn" v-slot="f">
          <input :id="f.id" v-bind="f.aria" type="date" v-model="c.receivedOn" name="receivedOn">
        </Field>
        <label class="check"><input type="checkbox" v-model="c.urgent"> {{ L('紧急(人身安全受威胁)', 'Urgent (danger)') }}</label>
      </div>
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
      <fieldset><legend>{{ L('被投诉人(如有)', 'Respondent (if any)') }}</legend>
        <div class="row">
          <Field :label="L('姓名', 'Name')" :error="err('respondent.name')" name="respondent.name" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.respondent.name" autocomplete="off"></Field>
          <Field :label="L('与当事人关系', 'Relation')" :error="err('respondent.relation')" name="respondent.relation" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="c.respondent.relation" :placeholder="L('如:丈夫、用人单位', 'e.g. husband, employer')"></Field>
        </div>
      </fieldset>
      <Field :label="L('反映情况', 'Account')" :error="err('account')" required name="account" v-slot="f">
        <textarea :id="f.id" v-bind="f.aria" v-model="c.account" rows="4"></textarea></Field>
      <div class="form-actions">
        <button type="submit" class="primary" :disabled="form.busy.value">{{ L('登记', 'Register') }}</button>
        <a class="button" href="#/cases">{{ L('取消', 'Cancel') }}</a>
      </div>
    </form>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
