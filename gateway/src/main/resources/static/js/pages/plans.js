// The annual plans: every unit's staff write their own unit's plan (or import a file), publish it and go on to
// allocate each task; the plans of the units above and below are listed beside it, read-only.
import { ref, reactive, computed, onMounted } from '../vendor/vue.js';
import { api, ifMatch, qs, request } from '../api.js';
import { L, num, date, measure, statusLabel, KIND_LABELS, metricLabel } from '../i18n.js';
import { useForm, problemText } from '../components.js';
import { isStaff, currentYear, session } from '../session.js';

const UNITS = ['个', '名', '人', '场', '期', '人次', '万元', '元', '%', '户', '件', '所', '家', '次', '篇', '支'];

// where an indicator's actual comes from (planning-service README, "indicator.source")
const SOURCES = {
  ACTIVITY: ['活动统计', 'Activities'],
  RIGHTS: ['维权案件统计', 'Rights cases'],
  HONOURS: ['荣誉创建与复查', 'Honours'],
  REPORTED: ['审核通过的填报值', 'Approved reports'],
};
const RIGHTS_KPIS = {
  RECEIVED: ['受理件数', 'Cases received'],
  CLOSED: ['办结件数', 'Cases closed'],
  CLOSED_ON_TIME: ['按期办结件数', 'Closed on time'],
  OVERDUE: ['逾期件数', 'Overdue'],
  REPEAT: ['重复信访件数', 'Repeat petitions'],
  CLOSURE_RATE: ['办结率', 'Closure rate'],
  ON_TIME_RATE: ['按期办结率', 'On-time rate'],
};
const RIGHTS_CATEGORIES = {
  MARRIAGE_FAMILY: ['婚姻家庭', 'Marriage and family'],
  DOMESTIC_VIOLENCE: ['家庭暴力', 'Domestic violence'],
  PERSONAL_RIGHTS: ['人身权利', 'Personal rights'],
  PROPERTY_RIGHTS: ['财产权益', 'Property rights'],
  LABOUR_SOCIAL_SECURITY: ['劳动和社会保障', 'Labour and social security'],
  CHILDREN: ['儿童权益', 'Children'],
  OTHER: ['其他', 'Other'],
};
const HONOUR_FIGURES = {
  AWARDED: ['新命名', 'Newly awarded'],
  REVIEWED: ['复查', 'Reviewed'],
  RETAINED: ['复查保留', 'Retained'],
  REVOKED: ['复查撤销', 'Revoked'],
  TRANSFERRED: ['复查移交', 'Transferred'],
};
const HONOUR_KINDS = {
  CIVILISED_POST: ['巾帼文明岗', 'Civilised post'],
  PACESETTER: ['巾帼建功标兵', 'Pacesetter'],
  MODEL_VILLAGE: ['巾帼示范村', 'Model village'],
  MODEL_BASE: ['巾帼示范基地', 'Model base'],
  WOMENS_HOME: ['妇女之家', "Women's home"],
  CHILDRENS_HOME: ['儿童之家', "Children's home"],
  FIVE_GOOD_FAMILY: ['五好文明家庭', 'Five-good family'],
  CIVILISED_COMMUNITY: ['巾帼文明社区', 'Civilised community'],
};

/** Whose plan it is, seen from the logged-in unit: its own, from above (上级), or a unit's below (下级). */
function relation(plan) {
  const mine = session.user ? session.user.unitPath : '';
  if (!plan || plan.unitPath === mine) return 'OWN';
  return mine.startsWith(plan.unitPath + '/') ? 'ABOVE' : 'BELOW';
}
const RELATIONS = {
  OWN: ['本单位计划', 'Own plan'],
  ABOVE: ['上级计划', 'From above'],
  BELOW: ['下级计划（只读）', 'Unit below, read only'],
};

/** Only the plan's own unit's staff change it; the units above and below read it. */
function canChange(plan) {
  return isStaff() && relation(plan) === 'OWN';
}

/** 「数据来源：维权案件统计 · 办结率」, or what a task without a source is fed by. */
function sourceText(source) {
  if (!source || !source.kind) return L('数据来源：按计量单位匹配的活动指标', 'from activity metrics matching its unit');
  const pick = (table, k) => (k && table[k] ? L(table[k][0], table[k][1]) : null);
  const parts = [pick(SOURCES, source.kind)];
  if (source.kind === 'ACTIVITY') parts.push(source.metric, source.denominatorMetric ? '/ ' + source.denominatorMetric : null);
  if (source.kind === 'RIGHTS') parts.push(pick(RIGHTS_KPIS, source.rightsKpi), pick(RIGHTS_CATEGORIES, source.category));
  if (source.kind === 'HONOURS') parts.push(pick(HONOUR_KINDS, source.honourKind), pick(HONOUR_FIGURES, source.honourFigure));
  return L('数据来源：', 'from ') + parts.filter(Boolean).join(' · ');
}

function blankSource() {
  return { kind: '', metric: '', denominatorMetric: '', rightsKpi: '', category: '', honourFigure: '', honourKind: '' };
}

export const PlanList = {
  setup() {
    const plans = ref(null);
    const error = ref(null);
    const page = ref(0);
    const year = ref('');
    const importMsg = ref(null);
    const importErr = ref(null);
    async function load() {
      try {
        plans.value = await api.get('/api/planning/plans' + qs({ year: year.value, page: page.value, size: 20 }));
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    async function importFile(event) {
      const file = event.target.files[0];
      if (!file) return;
      importMsg.value = null;
      importErr.value = null;
      try {
        const text = await file.text();
        const plan = await request('POST', '/api/planning/plans/import', text,
          { contentType: 'application/yaml' });
        importMsg.value = L('已导入计划草稿：', 'Imported the draft: ') + plan.title;
        window.location.hash = '#/plans/' + plan.id;
      } catch (e) {
        const first = Object.entries(e.fields || {})[0];
        importErr.value = first ? { zh: first[0] + ':' + first[1].zh, en: first[0] + ': ' + first[1].en } : problemText(e);
      } finally {
        event.target.value = '';
      }
    }
    const go = (p) => { page.value = p; load(); };
    onMounted(load);
    return {
      plans, error, page, year, load, go, importFile, importMsg, importErr, L, statusLabel, canWrite: isStaff(), relation,
      RELATIONS,
    };
  },
  template: `
  <section class="page">
    <div class="page-head">
      <h1>{{ L('年度工作计划', 'Annual work plans') }}</h1>
      <div class="actions" v-if="canWrite">
        <a class="button primary" href="#/plans/new" data-test="new-plan">{{ L('新建计划', 'New plan') }}</a>
        <label class="button file">{{ L('从文件导入（YAML）', 'Import a file (YAML)') }}
          <input type="file" accept=".yaml,.yml,text/yaml" @change="importFile"></label>
      </div>
    </div>
    <Alert :error="importErr"></Alert>
    <Alert :error="importMsg" kind="ok"></Alert>
    <div class="filters">
      <label>{{ L('年度', 'Year') }} <input type="number" v-model="year" min="2000" max="2100" @change="go(0)" class="short"></label>
    </div>
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="plans">
      <Empty v-if="!plans.items.length" :text="canWrite ? L('还没有计划，点击“新建计划”编写本单位的年度计划。', 'No plan yet: start with “New plan” to write your unit’s plan.') : L('还没有计划。', 'No plan yet.')"></Empty>
      <table v-else class="grid">
        <thead><tr><th>{{ L('年度', 'Year') }}</th><th>{{ L('编制单位', 'Unit') }}</th><th>{{ L('计划名称', 'Title') }}</th><th>{{ L('任务数', 'Tasks') }}</th><th>{{ L('状态', 'Status') }}</th></tr></thead>
        <tbody>
          <tr v-for="p in plans.items" :key="p.id" :data-plan-unit="p.unitPath">
            <td>{{ p.year }}</td>
            <td>{{ p.unitName || p.unitPath }} <span class="badge origin" :class="relation(p)" data-test="plan-relation">{{ L(RELATIONS[relation(p)][0], RELATIONS[relation(p)][1]) }}</span></td>
            <td><a :href="'#/plans/' + p.id">{{ p.title }}</a></td>
            <td class="num">{{ p.taskCount }}</td>
            <td><span class="badge" :class="p.status">{{ statusLabel(p.status) }}</span></td>
          </tr>
        </tbody>
      </table>
      <Pager :page="plans.page" :size="plans.size" :total="plans.total" @go="go"></Pager>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};

function blankTask(workArea) {
  return {
    workArea: workArea || '', title: '', description: '', leadDepartment: '', dueDate: '',
    indicator: { name: '', unit: '个', kind: 'COUNT', direction: 'AT_LEAST', target: '', source: blankSource() },
  };
}

/** The source as the API takes it: only the fields its kind uses, none at all when not chosen. */
function sourceBody(indicator) {
  const s = indicator.source || {};
  const v = (x) => (x ? x : null);
  switch (s.kind) {
    case 'ACTIVITY':
      return { kind: 'ACTIVITY', metric: v(s.metric), denominatorMetric: indicator.kind === 'RATE' ? v(s.denominatorMetric) : null };
    case 'RIGHTS':
      return { kind: 'RIGHTS', rightsKpi: v(s.rightsKpi), category: v(s.category) };
    case 'HONOURS':
      return { kind: 'HONOURS', honourFigure: v(s.honourFigure), honourKind: v(s.honourKind) };
    case 'REPORTED':
      return { kind: 'REPORTED' };
    default:
      return null;
  }
}

export const PlanEditor = {
  props: { params: Object, query: Object },
  setup(props) {
    const editing = !!(props.params && props.params.id);
    const plan = reactive({
      year: currentYear() + 1, title: '', overallRequirements: '', workAreasText: '', tasks: [blankTask()], version: null,
    });
    const loaded = ref(!editing);
    const form = useForm();
    const workAreas = computed(() => plan.workAreasText.split(/[\n,，、]/).map((s) => s.trim()).filter(Boolean));

    onMounted(async () => {
      if (!editing) return;
      try {
        const p = await api.get('/api/planning/plans/' + encodeURIComponent(props.params.id));
        Object.assign(plan, {
          year: p.year, title: p.title, overallRequirements: p.overallRequirements || '',
          workAreasText: (p.workAreas || []).join('\n'), version: p.version,
          tasks: p.tasks.map((t) => ({
            workArea: t.workArea, title: t.title, description: t.description || '', leadDepartment: t.leadDepartment || '',
            dueDate: t.dueDate, indicator: { ...t.indicator, source: { ...blankSource(), ...(t.indicator.source || {}) } },
          })),
        });
        loaded.value = true;
      } catch (e) {
        form.fail(e);
      }
    });

    const err = (field) => form.errors[field];
    function body() {
      const n = (v) => (v === '' || v === null || v === undefined ? null : Number(v));
      return {
        year: n(plan.year),
        title: plan.title,
        overallRequirements: plan.overallRequirements || null,
        workAreas: workAreas.value,
        tasks: plan.tasks.map((t) => ({
          workArea: t.workArea, title: t.title, description: t.description || null,
          leadDepartment: t.leadDepartment || null, dueDate: t.dueDate || null,
          indicator: {
            name: t.indicator.name, unit: t.indicator.unit, kind: t.indicator.kind,
            direction: t.indicator.direction || 'AT_LEAST', target: n(t.indicator.target),
            numeratorName: t.indicator.numeratorName || null, denominatorName: t.indicator.denominatorName || null,
            source: sourceBody(t.indicator),
          },
        })),
      };
    }
    async function save() {
      form.busy.value = true;
      try {
        const saved = editing
          ? await api.put('/api/planning/plans/' + encodeURIComponent(props.params.id), body(), ifMatch(plan.version))
          : await api.post('/api/planning/plans', body());
        form.clear();
        justSaved = { id: saved.id, zh: '草稿已保存：' + saved.title + '（共' + (saved.tasks || []).length + '项任务）。发布前仍可修改。',
          en: 'Draft saved: ' + saved.title + ' (' + (saved.tasks || []).length + ' tasks). You can still change it before publishing.' };
        window.location.hash = '#/plans/' + saved.id;
      } catch (e) {
        form.fail(e);
        // put the keyboard where the first problem is
        setTimeout(() => {
          const first = document.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea');
          if (first) first.focus();
        }, 0);
      } finally {
        form.busy.value = false;
      }
    }
    const addTask = () => plan.tasks.push(blankTask(workAreas.value[0]));
    const removeTask = (i) => plan.tasks.splice(i, 1);
    const metrics = ref([]);
    onMounted(async () => {
      try {
        metrics.value = (await api.get('/api/activities/catalogue')).metrics || [];
      } catch (e) {
        metrics.value = [];
      }
    });
    return {
      plan, loaded, form, err, save, addTask, removeTask, workAreas, metrics, UNITS, KIND_LABELS, SOURCES, RIGHTS_KPIS,
      RIGHTS_CATEGORIES, HONOUR_FIGURES, HONOUR_KINDS, editing, session, L, metricLabel,
    };
  },
  template: `
  <section class="page">
    <h1>{{ editing ? L('修改计划草稿', 'Edit the draft plan') : L('新建年度工作计划', 'New annual work plan') }}</h1>
    <Alert :error="form.general.value"></Alert>
    <form v-if="loaded" class="form" @submit.prevent="save" novalidate data-test="plan-form">
      <div class="row">
        <Field :label="L('年度', 'Year')" :error="err('year')" required name="year" v-slot="f">
          <input :id="f.id" v-bind="f.aria" type="number" v-model="plan.year" min="2000" max="2100" class="short" name="year">
        </Field>
        <Field :label="L('计划名称', 'Title')" :error="err('title')" required name="title" v-slot="f">
          <input :id="f.id" v-bind="f.aria" v-model="plan.title" maxlength="100" name="title" :placeholder="L('例如：' + (plan.year || '') + '年' + session.unitName + '妇联工作要点', 'e.g. ' + (plan.year || '') + ' work priorities')">
        </Field>
      </div>
      <Field :label="L('总体要求', 'Overall requirements')" :error="err('overallRequirements')" name="overallRequirements" v-slot="f">
        <textarea :id="f.id" v-bind="f.aria" v-model="plan.overallRequirements" rows="3" name="overallRequirements"></textarea>
      </Field>
      <Field :label="L('工作板块（每行一个）', 'Work areas (one per line)')" :error="err('workAreas') || err('workAreas[0]')" required name="workAreas" v-slot="f">
        <textarea :id="f.id" v-bind="f.aria" v-model="plan.workAreasText" rows="2" name="workAreas" :placeholder="L('服务妇女创业就业', 'e.g. women’s employment')"></textarea>
      </Field>
      <h2>{{ L('重点任务', 'Key tasks') }}</h2>
      <Alert :error="err('tasks')"></Alert>
      <fieldset v-for="(t, i) in plan.tasks" :key="i" class="task" :data-test="'task-' + i">
        <legend>{{ L('任务', 'Task') }} {{ i + 1 }}</legend>
        <div class="row">
          <Field :label="L('工作板块', 'Work area')" :error="err('tasks[' + i + '].workArea')" required :name="'tasks[' + i + '].workArea'" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="t.workArea" :name="'tasks[' + i + '].workArea'">
              <option value="">{{ L('请选择', 'Choose') }}</option>
              <option v-for="w in workAreas" :key="w" :value="w">{{ w }}</option>
            </select>
          </Field>
          <Field :label="L('任务名称', 'Task')" :error="err('tasks[' + i + '].title')" required :name="'tasks[' + i + '].title'" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="t.title" maxlength="200" :name="'tasks[' + i + '].title'">
          </Field>
        </div>
        <div class="row">
          <Field :label="L('牵头部门', 'Lead department')" :error="err('tasks[' + i + '].leadDepartment')" :name="'tasks[' + i + '].leadDepartment'" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="t.leadDepartment" maxlength="50" :name="'tasks[' + i + '].leadDepartment'">
          </Field>
          <Field :label="L('完成时限', 'Due date')" :error="err('tasks[' + i + '].dueDate')" required :name="'tasks[' + i + '].dueDate'" v-slot="f">
            <input :id="f.id" v-bind="f.aria" type="date" v-model="t.dueDate" :name="'tasks[' + i + '].dueDate'">
          </Field>
        </div>
        <div class="row">
          <Field :label="L('指标名称', 'Indicator')" :error="err('tasks[' + i + '].indicator.name')" required :name="'tasks[' + i + '].indicator.name'" v-slot="f">
            <input :id="f.id" v-bind="f.aria" v-model="t.indicator.name" :name="'tasks[' + i + '].indicator.name'">
          </Field>
          <Field :label="L('指标类型', 'Kind')" :error="err('tasks[' + i + '].indicator.kind')" required :name="'tasks[' + i + '].indicator.kind'" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="t.indicator.kind" :name="'tasks[' + i + '].indicator.kind'">
              <option v-for="(pair, k) in KIND_LABELS" :key="k" :value="k">{{ L(pair[0], pair[1]) }}</option>
            </select>
          </Field>
          <Field :label="L('目标值', 'Target')" :error="err('tasks[' + i + '].indicator.target')" required :name="'tasks[' + i + '].indicator.target'" v-slot="f">
            <input :id="f.id" v-bind="f.aria" type="number" step="any" v-model="t.indicator.target" class="short" :name="'tasks[' + i + '].indicator.target'">
          </Field>
          <Field :label="L('单位', 'Unit')" :error="err('tasks[' + i + '].indicator.unit')" required :name="'tasks[' + i + '].indicator.unit'" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="t.indicator.unit" class="short" :name="'tasks[' + i + '].indicator.unit'">
              <option v-for="u in UNITS" :key="u" :value="u">{{ u }}</option>
            </select>
          </Field>
          <Field :label="L('方向', 'Direction')" :error="err('tasks[' + i + '].indicator.direction')" :name="'tasks[' + i + '].indicator.direction'" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="t.indicator.direction" :name="'tasks[' + i + '].indicator.direction'">
              <option value="AT_LEAST">{{ L('不少于', 'At least') }}</option>
              <option value="AT_MOST">{{ L('不超过', 'At most') }}</option>
            </select>
          </Field>
        </div>
        <div class="row" data-test="source">
          <Field :label="L('数据来源', 'Actual comes from')" :error="err('tasks[' + i + '].indicator.source.kind')" :name="'tasks[' + i + '].indicator.source.kind'" v-slot="f">
            <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.kind" :name="'tasks[' + i + '].indicator.source.kind'">
              <option value="">{{ L('（未指定：按计量单位匹配活动指标）', '(not set: activity metrics by unit)') }}</option>
              <option v-for="(pair, k) in SOURCES" :key="k" :value="k">{{ L(pair[0], pair[1]) }}</option>
            </select>
          </Field>
          <template v-if="t.indicator.source.kind === 'ACTIVITY'">
            <Field :label="t.indicator.kind === 'RATE' ? L('分子活动指标', 'Numerator metric') : L('活动指标', 'Activity metric')" :error="err('tasks[' + i + '].indicator.source.metric')" :name="'tasks[' + i + '].indicator.source.metric'" v-slot="f">
              <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.metric" :name="'tasks[' + i + '].indicator.source.metric'">
                <option value="">{{ L('请选择', 'Choose') }}</option>
                <option v-for="m in metrics" :key="m.code" :value="m.code">{{ metricLabel(m) }}</option>
              </select>
            </Field>
            <Field v-if="t.indicator.kind === 'RATE'" :label="L('分母活动指标', 'Denominator metric')" :error="err('tasks[' + i + '].indicator.source.denominatorMetric')" :name="'tasks[' + i + '].indicator.source.denominatorMetric'" v-slot="f">
              <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.denominatorMetric" :name="'tasks[' + i + '].indicator.source.denominatorMetric'">
                <option value="">{{ L('请选择', 'Choose') }}</option>
                <option v-for="m in metrics" :key="m.code" :value="m.code">{{ metricLabel(m) }}</option>
              </select>
            </Field>
          </template>
          <template v-if="t.indicator.source.kind === 'RIGHTS'">
            <Field :label="L('维权统计项', 'Rights figure')" :error="err('tasks[' + i + '].indicator.source.rightsKpi')" :name="'tasks[' + i + '].indicator.source.rightsKpi'" v-slot="f">
              <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.rightsKpi" :name="'tasks[' + i + '].indicator.source.rightsKpi'">
                <option value="">{{ L('请选择', 'Choose') }}</option>
                <option v-for="(pair, k) in RIGHTS_KPIS" :key="k" :value="k">{{ L(pair[0], pair[1]) }}</option>
              </select>
            </Field>
            <Field :label="L('案件类别', 'Case category')" :error="err('tasks[' + i + '].indicator.source.category')" :name="'tasks[' + i + '].indicator.source.category'" v-slot="f">
              <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.category" :name="'tasks[' + i + '].indicator.source.category'">
                <option value="">{{ L('全部类别', 'All categories') }}</option>
                <option v-for="(pair, k) in RIGHTS_CATEGORIES" :key="k" :value="k">{{ L(pair[0], pair[1]) }}</option>
              </select>
            </Field>
          </template>
          <template v-if="t.indicator.source.kind === 'HONOURS'">
            <Field :label="L('荣誉统计项', 'Honours figure')" :error="err('tasks[' + i + '].indicator.source.honourFigure')" :name="'tasks[' + i + '].indicator.source.honourFigure'" v-slot="f">
              <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.honourFigure" :name="'tasks[' + i + '].indicator.source.honourFigure'">
                <option value="">{{ L('请选择', 'Choose') }}</option>
                <option v-for="(pair, k) in HONOUR_FIGURES" :key="k" :value="k">{{ L(pair[0], pair[1]) }}</option>
              </select>
            </Field>
            <Field :label="L('荣誉类别', 'Honour kind')" :error="err('tasks[' + i + '].indicator.source.honourKind')" :name="'tasks[' + i + '].indicator.source.honourKind'" v-slot="f">
              <select :id="f.id" v-bind="f.aria" v-model="t.indicator.source.honourKind" :name="'tasks[' + i + '].indicator.source.honourKind'">
                <option value="">{{ L('全部类别', 'All kinds') }}</option>
                <option v-for="(pair, k) in HONOUR_KINDS" :key="k" :value="k">{{ L(pair[0], pair[1]) }}</option>
              </select>
            </Field>
          </template>
        </div>
        <button type="button" class="link danger" @click="removeTask(i)" v-if="plan.tasks.length > 1">{{ L('删除此任务', 'Remove this task') }}</button>
      </fieldset>
      <div class="form-actions">
        <button type="button" @click="addTask">{{ L('添加任务', 'Add a task') }}</button>
        <button type="submit" class="primary" :disabled="form.busy.value" :aria-busy="form.busy.value ? 'true' : 'false'" data-test="save-plan">{{ form.busy.value ? L('保存中…', 'Saving…') : L('保存草稿', 'Save draft') }}</button>
        <a class="button" href="#/plans">{{ L('取消', 'Cancel') }}</a>
      </div>
    </form>
  </section>`,
};

/**
 * A task's allocation at a glance: the unit's own status, shares given, acknowledgements, and what is wrong with the
 * split (a floor not covered, more given out than the target, a ceiling exceeded).
 */
function allocationState(a, kids) {
  const given = (a.allocations || []).filter((x) => !x.cancelled);
  const ind = a.indicator || {};
  const unit = ind.unit || '';
  const sum = given.reduce((s, x) => s + Number(x.target || 0), 0) + Number(a.retained || 0);
  const target = Number(a.target);
  let problem = null;
  if (given.length && ind.kind !== 'RATE' && Number.isFinite(target)) {
    if (ind.direction !== 'AT_MOST' && sum < target) {
      problem = { zh: '分解不足：还差' + num(target - sum) + unit, en: 'Short by ' + num(target - sum) + ' ' + unit };
    } else if (sum > target) {
      problem = { zh: '超额分解：多' + num(sum - target) + unit, en: 'Over-allocated by ' + num(sum - target) + ' ' + unit };
    }
  }
  return {
    own: a.status,
    allocated: given.length,
    acknowledged: kids === null ? null : kids.filter((k) => k.status === 'ACKNOWLEDGED').length,
    problem,
  };
}

/** The confirmation of the save that led to a plan's page, shown once there. */
let justSaved = null;

export const PlanDetail = {
  props: { params: Object },
  setup(props) {
    const plan = ref(null);
    const error = ref(null);
    const message = ref(justSaved && justSaved.id === props.params.id ? { zh: justSaved.zh, en: justSaved.en } : null);
    justSaved = null;
    const busy = ref(false);
    const ownAssignments = ref({});
    const progress = ref({});
    const childUnits = ref(null);
    let retries = 0;
    async function load() {
      try {
        plan.value = await api.get('/api/planning/plans/' + encodeURIComponent(props.params.id));
        error.value = null;
        if (plan.value.status !== 'DRAFT') {
          const mine = await api.get('/api/planning/assignments' + qs({ year: plan.value.year, size: 200 }));
          ownAssignments.value = Object.fromEntries(mine.items.map((a) => [a.taskId, a.id]));
          await loadProgress(mine.items.filter((a) => plan.value.tasks.some((t) => t.id === a.taskId)));
          // the unit's own assignments are written right after publication: look again shortly if some are missing
          const missing = plan.value.tasks.some((t) => !t.cancelled && !ownAssignments.value[t.id]);
          if (missing && retries < 10) {
            retries += 1;
            setTimeout(load, 1500);
          }
        }
      } catch (e) {
        error.value = e;
      }
    }
    /** Per task: the unit's own acknowledgement, how many units below got a share, how many of them acknowledged it. */
    async function loadProgress(assignments) {
      if (childUnits.value === null) {
        try {
          const code = session.user.unitPath.split('/').pop();
          childUnits.value = (await api.get('/api/planning/org-units/' + code + '/children')).filter((u) => !u.retired).length;
        } catch (e) {
          childUnits.value = 0;
        }
      }
      const rows = await Promise.all(assignments.map(async (a) => {
        let kids = [];
        if ((a.allocations || []).some((x) => !x.cancelled)) {
          try { kids = await api.get('/api/planning/assignments/' + encodeURIComponent(a.id) + '/children'); } catch (e) { kids = null; }
        }
        return [a.taskId, allocationState(a, kids)];
      }));
      progress.value = Object.fromEntries(rows);
    }
    async function publish() {
      if (!window.confirm(L('发布后目标即下达，不能再直接修改。确定发布？', 'Publishing freezes the targets. Publish now?'))) return;
      busy.value = true;
      try {
        plan.value = await api.post('/api/planning/plans/' + encodeURIComponent(props.params.id) + '/publish');
        message.value = { zh: '计划已发布，可以开始分解下达。', en: 'Published: you can now allocate the targets.' };
        await load();
      } catch (e) {
        message.value = null;
        error.value = null;
        window.alert(L(problemText(e).zh, problemText(e).en));
      } finally {
        busy.value = false;
      }
    }
    onMounted(load);
    const canWrite = computed(() => canChange(plan.value));
    const readOnlyBelow = computed(() => !!plan.value && relation(plan.value) === 'BELOW');
    return {
      plan, error, load, message, busy, publish, ownAssignments, progress, childUnits, sourceText, L, num, date, measure, statusLabel, canWrite,
      readOnlyBelow,
    };
  },
  template: `
  <section class="page">
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="plan">
      <div class="page-head">
        <h1>{{ plan.title }} <span class="badge" :class="plan.status" data-test="plan-status">{{ statusLabel(plan.status) }}</span></h1>
        <div class="actions" v-if="canWrite && plan.status === 'DRAFT'">
          <a class="button" :href="'#/plans/' + plan.id + '/edit'">{{ L('修改', 'Edit') }}</a>
          <button type="button" class="primary" @click="publish" :disabled="busy" data-test="publish">{{ busy ? L('发布中…', 'Publishing…') : L('发布计划', 'Publish') }}</button>
        </div>
      </div>
      <Alert :error="message" kind="ok" data-test="plan-message"></Alert>
      <p class="meta">{{ L('编制单位', 'Unit') }} {{ plan.unitName || plan.unitPath }} · {{ L('年度', 'Year') }} {{ plan.year }} · {{ L('发布时间', 'Published') }} {{ date(plan.publishedAt) }}</p>
      <p v-if="readOnlyBelow" class="notice" data-test="read-only">{{ L('这是下级单位自行编制的计划，只能查看，不能修改。', 'This is a plan of a unit below yours: read only.') }}</p>
      <p v-if="plan.overallRequirements" class="prose">{{ plan.overallRequirements }}</p>
      <table class="grid">
        <thead><tr>
          <th>{{ L('工作板块', 'Work area') }}</th><th>{{ L('重点任务', 'Task') }}</th><th>{{ L('指标', 'Indicator') }}</th>
          <th>{{ L('目标值', 'Target') }}</th><th>{{ L('完成时限', 'Due') }}</th>
          <th v-if="plan.status !== 'DRAFT'">{{ L('分解与签收', 'Allocation and acknowledgement') }}</th><th></th>
        </tr></thead>
        <tbody>
          <tr v-for="t in plan.tasks" :key="t.id" :class="{ cancelled: t.cancelled }">
            <td>{{ t.workArea }}</td>
            <td>{{ t.title }}<span v-if="t.cancelled" class="badge CANCELLED">{{ L('已取消', 'Cancelled') }}</span></td>
            <td>{{ t.indicator.name }}<br><small class="muted" data-test="source">{{ sourceText(t.indicator.source) }}</small></td>
            <td class="num">{{ t.indicator.direction === 'AT_MOST' ? '≤' : '' }}{{ measure(t.indicator.target, t.indicator.unit) }}</td>
            <td>{{ date(t.dueDate) }}</td>
            <td v-if="plan.status !== 'DRAFT'" class="progress" data-test="progress">
              <template v-if="progress[t.id] && !t.cancelled">
                <span class="badge" :class="progress[t.id].own">{{ L('本级', 'Own') }}{{ statusLabel(progress[t.id].own) }}</span>
                <span v-if="childUnits" class="alloc-count">{{ L('已分解 ' + progress[t.id].allocated + '/' + childUnits + ' 单位', 'Allocated to ' + progress[t.id].allocated + ' of ' + childUnits + ' units') }}<template v-if="progress[t.id].allocated"> · {{ progress[t.id].acknowledged === null ? L('签收情况暂不可读', 'acknowledgements unreadable') : L('已签收 ' + progress[t.id].acknowledged + '/' + progress[t.id].allocated, 'acknowledged ' + progress[t.id].acknowledged + ' of ' + progress[t.id].allocated) }}</template></span>
                <span v-if="progress[t.id].problem" class="badge RED alloc-problem" data-test="alloc-problem">{{ L(progress[t.id].problem.zh, progress[t.id].problem.en) }}</span>
              </template>
              <span v-else-if="!t.cancelled" class="muted">—</span>
            </td>
            <td><a v-if="ownAssignments[t.id] && !t.cancelled" class="button small" :href="'#/assignments/' + ownAssignments[t.id]" data-test="allocate">{{ childUnits ? L('分解下达', 'Allocate') : L('查看', 'Open') }}</a></td>
          </tr>
        </tbody>
      </table>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
