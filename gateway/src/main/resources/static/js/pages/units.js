// 组织机构: the admin's part of the federation tree — its own unit and everything below — as an indented list with
// each unit's type; adding, renaming, moving and retiring units; every change's history; and importing a tree file
// (YAML, CSV or Excel) with a dry run that names each bad row and column before anything is written.
import { ref, reactive, computed, onMounted } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { L, dateTime } from '../i18n.js';
import { session } from '../session.js';
import { useForm, problemText } from '../components.js';

const TYPES = [
  ['PROVINCE', '省', 'Province'], ['CITY', '市', 'City'], ['COUNTY', '县', 'County'],
  ['COUNTY_CITY', '县级市', 'County-level city'], ['DISTRICT', '区', 'District'], ['TOWNSHIP', '乡', 'Township'],
  ['TOWN', '镇', 'Town'], ['SUBDISTRICT', '街道', 'Sub-district'], ['VILLAGE', '村', 'Village'],
  ['COMMUNITY', '社区', 'Community'], ['ORGAN', '机关', 'Government organ'], ['ENTERPRISE', '企业', 'Enterprise'],
  ['NEW_ORG', '两新组织', 'New economic/social organisation'], ['SOCIAL_ORG', '社会组织', 'Social organisation'],
  ['OTHER', '其他', 'Other'],
];
const WITHOUT_CODE = ['ORGAN', 'ENTERPRISE', 'NEW_ORG', 'SOCIAL_ORG', 'OTHER'];

export const UnitAdmin = {
  setup() {
    const units = ref([]);
    const total = ref(0);
    const page = ref(0);
    const error = ref(null);
    const notice = ref(null);
    const showRetired = ref(false);
    const editing = ref(null); // 'add' | 'rename' | 'move'
    const target = ref(null);
    const draft = reactive({ parentCode: '', code: '', name: '', type: 'TOWN' });
    const form = useForm();
    const history = ref(null);
    const upload = reactive({ file: null, report: null, busy: false, error: null });
    const working = ref('');
    const depthOf = (u) => u.path.split('/').length - session.user.unitPath.split('/').length;

    async function load() {
      try {
        const answer = await api.get('/api/planning/org-units' + qs({ page: page.value, size: 200 }));
        units.value = answer.items;
        total.value = answer.total;
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    const shown = computed(() => units.value.filter((u) => showRetired.value || !u.retired));
    const parents = computed(() => units.value.filter((u) => !u.retired));
    const go = (p) => { page.value = p; load(); };
    const typeLabel = (t) => { const x = TYPES.find((y) => y[0] === t); return x ? L(x[1], x[2]) : t; };

    function startAdd(parent) {
      Object.assign(draft, { parentCode: parent ? parent.code : session.user.unitCode, code: '', name: '', type: 'TOWN' });
      editing.value = 'add'; target.value = parent || null; form.clear(); history.value = null;
    }
    function startRename(u) {
      Object.assign(draft, { name: u.name }); editing.value = 'rename'; target.value = u; form.clear(); history.value = null;
    }
    function startMove(u) {
      Object.assign(draft, { parentCode: u.parentCode }); editing.value = 'move'; target.value = u; form.clear(); history.value = null;
    }
    async function save() {
      form.busy.value = true;
      try {
        if (editing.value === 'add') {
          const body = { parentCode: draft.parentCode, name: draft.name, type: draft.type };
          if (draft.code) body.code = draft.code;
          const added = await api.post('/api/planning/org-units', body);
          notice.value = { zh: '已新增单位“' + added.name + '”（代码 ' + added.code + '）。', en: 'Added ' + added.name + ' (' + added.code + ').' };
        } else if (editing.value === 'rename') {
          await api.put('/api/planning/org-units/' + encodeURIComponent(target.value.code) + '/name', { name: draft.name });
          notice.value = { zh: '已更名为“' + draft.name + '”。', en: 'Renamed to ' + draft.name + '.' };
        } else {
          await api.post('/api/planning/org-units/' + encodeURIComponent(target.value.code) + '/move', { parentCode: draft.parentCode });
          notice.value = { zh: '“' + target.value.name + '”及其下级单位已调整隶属关系。', en: 'Moved ' + target.value.name + ' with everything below it.' };
        }
        editing.value = null;
        await load();
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    async function retire(u) {
      if (!window.confirm(L('确定撤销“' + u.name + '”？撤销后不再承接新任务，历史数据保留。',
        'Retire ' + u.name + '? It takes no new work; its history stays.'))) return;
      working.value = u.code;
      try {
        await api.post('/api/planning/org-units/' + encodeURIComponent(u.code) + '/retire');
        notice.value = { zh: '“' + u.name + '”已撤销。', en: u.name + ' retired.' };
        await load();
      } catch (e) {
        notice.value = null;
        window.alert(L(problemText(e).zh, problemText(e).en));
      } finally {
        working.value = '';
      }
    }
    async function showHistory(u) {
      editing.value = null;
      try {
        const h = await api.get('/api/planning/org-units/' + encodeURIComponent(u.code) + '/history' + qs({ size: 50 }));
        history.value = { unit: u, items: h.items };
      } catch (e) {
        window.alert(L(problemText(e).zh, problemText(e).en));
      }
    }
    function pick(event) {
      upload.file = event.target.files[0] || null;
      upload.report = null;
      upload.error = null;
    }
    async function runImport(dryRun) {
      if (!upload.file) return;
      upload.busy = true;
      upload.error = null;
      try {
        const form = new FormData();
        form.append('file', upload.file);
        upload.report = await api.post('/api/planning/org-units/import' + qs({ dryRun }), form);
        if (!dryRun) {
          notice.value = { zh: '导入完成：新增' + upload.report.toAdd + '个单位。', en: 'Imported: ' + upload.report.toAdd + ' units added.' };
          await load();
        }
      } catch (e) {
        upload.report = null;
        upload.error = e;
      } finally {
        upload.busy = false;
      }
    }
    const rowErrors = computed(() => (upload.error && upload.error.problem && upload.error.problem.errors) || []);
    onMounted(load);
    return {
      units, shown, parents, total, page, go, error, notice, showRetired, editing, target, draft, form, history,
      upload, working, rowErrors, depthOf, typeLabel, startAdd, startRename, startMove, save, retire, showHistory,
      pick, runImport, problemText, L, dateTime, TYPES, WITHOUT_CODE,
    };
  },
  template: `
  <section class="page">
    <div class="page-head">
      <h1>{{ L('组织机构', 'Units') }}</h1>
      <div class="actions"><button type="button" class="primary" @click="startAdd(null)">{{ L('新增单位', 'Add a unit') }}</button></div>
    </div>
    <p class="hint">{{ L('本单位及下级单位。行政区划单位须填写区划代码；机关、企业、两新组织、社会组织可不填，由平台编号。',
      'Your unit and those below it. Divisions need their division code; organs, enterprises and organisations get one from the platform.') }}</p>
    <Alert v-if="notice" :error="notice" kind="ok"></Alert>

    <form v-if="editing" class="card form" @submit.prevent="save" data-test="unit-form">
      <h2 v-if="editing === 'add'">{{ L('新增单位', 'Add a unit') }}</h2>
      <h2 v-else-if="editing === 'rename'">{{ L('更名：', 'Rename: ') }}{{ target.name }}</h2>
      <h2 v-else>{{ L('调整隶属：', 'Move: ') }}{{ target.name }}</h2>
      <Alert :error="form.general.value"></Alert>
      <Field v-if="editing !== 'rename'" :label="L('上级单位', 'Parent unit')" :error="form.errors.parentCode" name="parentCode" required v-slot="f">
        <select :id="f.id" v-bind="f.aria" v-model="draft.parentCode" name="parentCode">
          <option v-for="u in parents" :key="u.code" :value="u.code">{{ '　'.repeat(depthOf(u)) + u.name }}</option>
        </select>
      </Field>
      <template v-if="editing === 'add'">
        <Field :label="L('单位类型', 'Type')" :error="form.errors.type" name="type" required v-slot="f">
          <select :id="f.id" v-bind="f.aria" v-model="draft.type" name="type">
            <option v-for="t in TYPES" :key="t[0]" :value="t[0]">{{ L(t[1], t[2]) }}</option>
          </select>
        </Field>
        <Field :label="L('单位代码', 'Code')" :error="form.errors.code" name="code" :required="!WITHOUT_CODE.includes(draft.type)"
               :hint="WITHOUT_CODE.includes(draft.type) ? L('可不填，由平台按上级代码编号', 'optional: the platform numbers it under its parent') : L('行政区划代码：县级6位，乡镇9位，村（社区）12位', 'division code: 6 digits for a county, 9 for a township, 12 for a village')" v-slot="f">
          <input :id="f.id" v-bind="f.aria" v-model.trim="draft.code" name="code" inputmode="numeric" maxlength="40">
        </Field>
      </template>
      <Field v-if="editing !== 'move'" :label="L('单位名称', 'Name')" :error="form.errors.name" name="name" required v-slot="f">
        <input :id="f.id" v-bind="f.aria" v-model.trim="draft.name" name="name" maxlength="50">
      </Field>
      <div class="form-actions">
        <button type="submit" class="primary" :disabled="form.busy.value" :aria-busy="form.busy.value">{{ form.busy.value ? L('正在保存…', 'Saving…') : L('保存', 'Save') }}</button>
        <button type="button" @click="editing = null">{{ L('取消', 'Cancel') }}</button>
      </div>
    </form>

    <section v-if="history" class="card" data-test="unit-history">
      <h2>{{ L('变更记录：', 'History: ') }}{{ history.unit.name }}</h2>
      <Empty v-if="!history.items.length" :text="L('暂无变更', 'No changes')"></Empty>
      <ul v-else class="history">
        <li v-for="c in history.items" :key="c.at + c.kind">{{ dateTime(c.at) }} · {{ c.kindLabel }} · {{ c.by }}
          <span v-if="c.before && c.after && c.before.name !== c.after.name">：{{ c.before.name }} → {{ c.after.name }}</span>
          <span v-if="c.before && c.after && c.before.path !== c.after.path">：{{ c.before.path }} → {{ c.after.path }}</span></li>
      </ul>
      <button type="button" @click="history = null">{{ L('关闭', 'Close') }}</button>
    </section>

    <section class="card" data-test="unit-import">
      <h2>{{ L('导入组织机构', 'Import units') }}</h2>
      <p class="hint">{{ L('支持 YAML、CSV（列：代码,名称,类型,上级代码）或 Excel 文件，最多5000行。先试导入检查，无误后再正式导入。',
        'YAML, CSV (columns code,name,type,parentCode) or Excel, up to 5,000 rows. Check with a dry run first, then import.') }}</p>
      <div class="inline">
        <input type="file" accept=".yaml,.yml,.csv,.xlsx" @change="pick" :aria-label="L('选择文件', 'Choose a file')" data-test="import-file">
        <button type="button" :disabled="!upload.file || upload.busy" @click="runImport(true)">{{ upload.busy ? L('检查中…', 'Checking…') : L('试导入检查', 'Dry run') }}</button>
        <button type="button" class="primary" :disabled="!upload.report || upload.report.applied || upload.busy" @click="runImport(false)">{{ L('正式导入', 'Import') }}</button>
      </div>
      <div v-if="upload.report" class="alert ok" role="status" data-test="import-report">
        {{ upload.report.applied ? L('已导入：', 'Imported: ') : L('检查通过：', 'Checked: ') }}
        {{ L('共' + upload.report.rows + '行，新增' + upload.report.toAdd + '个，已存在' + upload.report.unchanged + '个。',
             upload.report.rows + ' rows, ' + upload.report.toAdd + ' to add, ' + upload.report.unchanged + ' already there.') }}
      </div>
      <template v-if="upload.error">
        <Alert :error="rowErrors.length ? { zh: '文件有' + rowErrors.length + '处问题，未导入任何单位：', en: rowErrors.length + ' problems; nothing was imported:' } : problemText(upload.error)"></Alert>
        <table v-if="rowErrors.length" class="grid cards-on-phone" data-test="import-errors">
          <thead><tr><th>{{ L('行', 'Row') }}</th><th>{{ L('列', 'Column') }}</th><th>{{ L('问题', 'Problem') }}</th></tr></thead>
          <tbody><tr v-for="(e, i) in rowErrors" :key="i"><td :data-label="L('行', 'Row')">{{ e.row }}</td><td :data-label="L('列', 'Column')">{{ e.field }}</td>
            <td :data-label="L('问题', 'Problem')">{{ L(e.message, e.messageEn) }}</td></tr></tbody>
        </table>
      </template>
    </section>

    <label class="inline"><input type="checkbox" v-model="showRetired"> {{ L('显示已撤销单位', 'Show retired units') }}</label>
    <Alert v-if="error" :error="problemText(error)"></Alert>
    <table class="grid cards-on-phone" data-test="units">
      <thead><tr><th>{{ L('单位', 'Unit') }}</th><th>{{ L('类型', 'Type') }}</th><th>{{ L('代码', 'Code') }}</th><th>{{ L('操作', 'Actions') }}</th></tr></thead>
      <tbody>
        <tr v-for="u in shown" :key="u.code" :class="{ cancelled: u.retired }" :data-unit="u.code">
          <td :data-label="L('单位', 'Unit')"><span class="indent" :style="{ paddingLeft: (depthOf(u) * 1.2) + 'em' }">{{ u.name }}</span>
            <span v-if="u.retired" class="badge">{{ L('已撤销', 'Retired') }}</span></td>
          <td :data-label="L('类型', 'Type')">{{ typeLabel(u.type) }}</td>
          <td :data-label="L('代码', 'Code')">{{ u.code }}</td>
          <td class="actions">
            <template v-if="!u.retired">
              <button type="button" class="link" @click="startAdd(u)">{{ L('添加下级', 'Add below') }}</button>
              <button type="button" class="link" @click="startRename(u)">{{ L('更名', 'Rename') }}</button>
              <button type="button" class="link" v-if="depthOf(u) > 0" @click="startMove(u)">{{ L('调整隶属', 'Move') }}</button>
              <button type="button" class="link" v-if="depthOf(u) > 0" :disabled="working === u.code" @click="retire(u)">{{ L('撤销', 'Retire') }}</button>
            </template>
            <button type="button" class="link" @click="showHistory(u)">{{ L('变更记录', 'History') }}</button>
          </td>
        </tr>
      </tbody>
    </table>
    <p class="hint">{{ L('共' + total + '个单位', total + ' units') }}</p>
    <Pager :page="page" :size="200" :total="total" @go="go"></Pager>
  </section>`,
};
