// District and township staff: record what the unit did (培训班, 招聘会, 贷款 …) with its figures, counted toward a task.
import { ref, reactive, computed, onMounted, watch } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { metricLabel, L, num, date, statusLabel } from '../i18n.js';
import { useForm, problemText } from '../components.js';
import { currentYear, isStaff } from '../session.js';

export const ActivityList = {
  props: { query: Object },
  setup(props) {
    const year = ref(Number(props.query.year) || currentYear());
    const list = ref(null);
    const error = ref(null);
    const page = ref(0);
    const q = ref('');
    const ledger = ref(null);
    async function load() {
      try {
        list.value = await api.get('/api/activities' + qs({ year: year.value, q: q.value, page: page.value, size: 20 }));
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    async function importLedger(event) {
      const file = event.target.files[0];
      if (!file) return;
      try {
        const r = await api.upload('/api/activities/ledger/imports', file);
        ledger.value = { kind: 'ok', text: { zh: '台账已导入' + r.imported + '条活动', en: 'Imported ' + r.imported + ' activities' } };
        await load();
      } catch (e) {
        const rows = Object.entries(e.fields || {}).slice(0, 5).map(([f, m]) => f + ':' + m.zh).join(';');
        ledger.value = { kind: 'error', text: rows ? { zh: '台账未导入（全部或全不）：' + rows, en: 'Nothing imported: ' + rows } : problemText(e) };
      } finally {
        event.target.value = '';
      }
    }
    const go = (p) => { page.value = p; load(); };
    onMounted(load);
    return { year, list, error, go, load, q, ledger, importLedger, L, num, date, statusLabel, staff: isStaff() };
  },
  template: `
  <section class="page">
    <div class="page-head">
      <h1>{{ L('活动记录', 'Activities') }}</h1>
      <div class="actions" v-if="staff">
        <a class="button primary" href="#/activities/new">{{ L('记录活动', 'Record an activity') }}</a>
        <a class="button" :href="'/api/activities/ledger/template?year=' + year">{{ L('下载台账模板', 'Ledger template') }}</a>
        <label class="button file">{{ L('导入台账（Excel）', 'Import a ledger (Excel)') }}
          <input type="file" accept=".xlsx" @change="importLedger"></label>
      </div>
    </div>
    <Alert v-if="ledger" :error="ledger.text" :kind="ledger.kind"></Alert>
    <div class="filters">
      <label>{{ L('年度', 'Year') }} <input type="number" v-model.number="year" class="short" @change="go(0)"></label>
      <label>{{ L('名称包含', 'Title contains') }} <input v-model="q" @change="go(0)"></label>
    </div>
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="list">
      <Empty v-if="!list.items.length" :text="L('暂无活动记录', 'No activities yet')"></Empty>
      <table v-else class="grid cards-on-phone" data-test="activities">
        <thead><tr><th>{{ L('日期', 'Date') }}</th><th>{{ L('活动名称', 'Title') }}</th><th>{{ L('类型', 'Type') }}</th>
          <th>{{ L('单位', 'Unit') }}</th><th>{{ L('主要数据', 'Figures') }}</th><th>{{ L('状态', 'Status') }}</th></tr></thead>
        <tbody>
          <tr v-for="a in list.items" :key="a.id">
            <td :data-label="L('日期', 'Date')">{{ date(a.startDate) }}</td><td class="title">{{ a.title }}</td>
            <td :data-label="L('类型', 'Type')">{{ a.typeName }}</td><td :data-label="L('单位', 'Unit')">{{ a.unitName }}</td>
            <td :data-label="L('主要数据', 'Figures')"><span v-for="m in a.measured" :key="m.code" class="chip">{{ m.label }} {{ num(m.value) }}{{ m.unit }}</span></td>
            <td :data-label="L('状态', 'Status')"><span class="badge" :class="a.status">{{ statusLabel(a.status, a.statusLabel) }}</span></td>
          </tr>
        </tbody>
      </table>
      <Pager :page="list.page" :size="list.size" :total="list.total" @go="go"></Pager>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};

export const ActivityForm = {
  props: { query: Object },
  setup(props) {
    const catalogue = ref(null);
    const unavailable = ref(null);
    const linkable = ref([]);
    const form = useForm();
    const a = reactive({
      type: '', title: '', year: Number(props.query.year) || currentYear(), startDate: '', endDate: '',
      place: '', organiser: '', description: '', metrics: {},
      link: { assignmentId: props.query.assignment || '', metric: '' },
    });
    const saved = ref(null);
    const evidence = ref(null);
    const type = computed(() => catalogue.value && catalogue.value.types.find((t) => t.code === a.type));
    const chosenLink = computed(() => linkable.value.find((l) => l.assignmentId === a.link.assignmentId));
    const feeding = computed(() => (chosenLink.value ? chosenLink.value.feedingMetrics || [] : []));
    // the unit's own assignments only (what it records rolls up to the units above by itself), and once a type is
    // chosen only those its figures can feed
    const offered = computed(() => linkable.value.filter((l) => !a.type || (l.feedingMetrics || []).length
      || l.assignmentId === a.link.assignmentId));

    async function loadLinkable() {
      if (!a.year) return;
      try {
        linkable.value = await api.get('/api/activities/assignments/linkable' + qs({ year: a.year, type: a.type }));
      } catch (e) {
        linkable.value = [];
      }
      if (feeding.value.length && !feeding.value.includes(a.link.metric)) a.link.metric = feeding.value[0];
      // a task acknowledged a moment ago reaches the activity service by event: wait for it briefly
      if (a.link.assignmentId && !chosenLink.value && linkRetries < 10) {
        linkRetries += 1;
        setTimeout(loadLinkable, 2000);
      }
    }
    let linkRetries = 0;
    async function start() {
      try {
        catalogue.value = await api.get('/api/activities/catalogue');
        unavailable.value = null;
      } catch (e) {
        unavailable.value = e;
        return;
      }
      await loadLinkable();
    }
    onMounted(start);
    watch(() => [a.type, a.year], loadLinkable);
    watch(() => a.link.assignmentId, () => {
      if (feeding.value.length && !feeding.value.includes(a.link.metric)) a.link.metric = feeding.value[0];
    });

    const err = (f) => form.errors[f];
    async function save() {
      form.busy.value = true;
      saved.value = null;
      try {
        const metrics = {};
        for (const [k, v] of Object.entries(a.metrics)) {
          if (v !== '' && v !== null && v !== undefined) metrics[k] = Number(v);
        }
        const body = {
          type: a.type || null, title: a.title, year: Number(a.year) || null,
          startDate: a.startDate || null, endDate: a.endDate || a.startDate || null,
          place: a.place || null, organiser: a.organiser || null, description: a.description || null, metrics,
          links: a.link.assignmentId ? [{ assignmentId: a.link.assignmentId, metric: a.link.metric || null }] : [],
        };
        saved.value = await api.post('/api/activities', body);
        form.clear();
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    async function upload(event) {
      const file = event.target.files[0];
      if (!file || !saved.value) return;
      try {
        await api.upload('/api/activities/' + encodeURIComponent(saved.value.id) + '/evidence', file);
        evidence.value = { kind: 'ok', text: { zh: '已上传佐证材料：' + file.name, en: 'Evidence attached: ' + file.name } };
      } catch (e) {
        const f = e.fields && e.fields.file;
        evidence.value = { kind: 'error', text: f || problemText(e) };
      } finally {
        event.target.value = '';
      }
    }
    function another() {
      saved.value = null;
      evidence.value = null;
      a.title = '';
      a.metrics = {};
    }
    return { catalogue, unavailable, start, linkable, offered, metricLabel, form, a, type, err, save, saved, upload, evidence, another, feeding, L, num };
  },
  template: `
  <section class="page">
    <h1>{{ L('记录活动', 'Record an activity') }}</h1>
    <LoadError v-if="unavailable" :error="unavailable" @retry="start"></LoadError>
    <template v-else-if="catalogue">
      <div v-if="saved" class="card" data-test="activity-saved">
        <Alert :error="{ zh: '活动已保存：' + saved.title, en: 'Saved: ' + saved.title }" kind="ok"></Alert>
        <p><span v-for="m in saved.measured" :key="m.code" class="chip">{{ m.label }} {{ num(m.value) }}{{ m.unit }}</span></p>
        <label class="button file">{{ L('上传佐证材料（照片、PDF、Word、Excel）', 'Attach evidence (photo, PDF, Word, Excel)') }}
          <input type="file" accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx" @change="upload"></label>
        <Alert v-if="evidence" :error="evidence.text" :kind="evidence.kind"></Alert>
        <div class="form-actions">
          <button type="button" @click="another">{{ L('再记录一条', 'Record another') }}</button>
          <a class="button" href="#/activities">{{ L('返回活动列表', 'Back to the list') }}</a>
        </div>
      </div>
      <form v-else class="form" @submit.prevent="save" novalidate data-test="activity-form">
        <Alert :error="form.general.value"></Alert>
        <div class="row">
          <Field :label="L('活动类型', 'Type')" :error="err('type')" required name="type" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="a.type" name="type">
              <option value="">{{ L('请选择', 'Choose') }}</option>
              <option v-for="t in catalogue.types.filter(t => t.active)" :key="t.code" :value="t.code">{{ t.name }}</option>
            </select>
          </Field>
          <Field :label="L('活动名称', 'Title')" :error="err('title')" required name="title" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="a.title" maxlength="200" name="title">
          </Field>
          <Field :label="L('计划年度', 'Plan year')" :error="err('year')" required name="year" v-slot="f">
            <input :id="f.id" v-bind="f.aria" type="number" v-model.number="a.year" class="short" name="year">
          </Field>
        </div>
        <div class="row">
          <Field :label="L('开始日期', 'Start date')" :error="err('startDate')" required name="startDate" v-slot="f">
            <input :id="f.id" v-bind="f.aria" type="date" v-model="a.startDate" name="startDate">
          </Field>
          <Field :label="L('结束日期', 'End date')" :error="err('endDate')" name="endDate" v-slot="f">
            <input :id="f.id" v-bind="f.aria" type="date" v-model="a.endDate" name="endDate">
          </Field>
          <Field :label="L('地点', 'Place')" :error="err('place')" name="place" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="a.place" name="place">
          </Field>
        </div>
        <fieldset v-if="type" class="metrics">
          <legend>{{ L('活动数据', 'Figures') }}</legend>
          <div class="row">
            <Field v-for="m in type.metrics" :key="m.code" :label="metricLabel(m)" :error="err('metrics.' + m.code)"
                   :required="m.required" :name="'metrics.' + m.code" v-slot="f">
              <input :id="f.id" v-bind="f.aria" type="number" min="0" step="any" v-model="a.metrics[m.code]" class="short" :name="'metrics.' + m.code">
            </Field>
          </div>
        </fieldset>
        <div class="row">
          <Field :label="L('计入任务', 'Counts toward')" :error="err('links[0].assignmentId') || err('links')" name="links[0].assignmentId" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="a.link.assignmentId" name="assignment">
              <option value="">{{ L('不计入任务', 'No task') }}</option>
              <option v-for="l in offered" :key="l.assignmentId" :value="l.assignmentId">{{ l.taskTitle }} · {{ L('本单位目标', 'our target') }} {{ num(l.target) }}{{ l.indicatorUnit || '' }}</option>
            </select>
          </Field>
          <Field v-if="a.link.assignmentId" :label="L('计入的指标', 'Figure counted')" :error="err('links[0].metric')" name="links[0].metric" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="a.link.metric" name="linkMetric">
              <option value="">{{ L('请选择', 'Choose') }}</option>
              <option v-for="m in (type ? type.metrics : [])" :key="m.code" :value="m.code" :disabled="feeding.length && !feeding.includes(m.code)">{{ metricLabel(m) }}</option>
            </select>
          </Field>
        </div>
        <Field :label="L('活动简介', 'Description')" :error="err('description')" name="description" v-slot="f">
          <textarea :id="f.id" v-bind="f.aria" v-model="a.description" rows="3" name="description"></textarea>
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" :disabled="form.busy.value" data-test="save-activity">{{ L('保存活动', 'Save') }}</button>
          <a class="button" href="#/activities">{{ L('取消', 'Cancel') }}</a>
        </div>
      </form>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
