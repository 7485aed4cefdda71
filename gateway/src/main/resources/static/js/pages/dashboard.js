// Leadership dashboard: one unit and year — completion, tasks with 红黄绿灯, a bar chart of the child units (click to
// drill down), rankings, rights KPIs and report completeness; it follows server-sent events and redraws by itself.
import { ref, computed, onMounted, onBeforeUnmount, nextTick, watch } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { L, lang, num, date, dateTime, measure, periodLabel } from '../i18n.js';
import { session, currentYear } from '../session.js';

const LIGHT = {
  GREEN: ['绿灯', 'Green', '进度正常', 'on track'],
  YELLOW: ['黄灯', 'Yellow', '进度滞后', 'behind'],
  RED: ['红灯', 'Red', '严重滞后', 'far behind'],
  OVERDUE: ['逾期', 'Overdue', '已过时限仍未完成', 'past due, not done'],
  NO_DATA: ['无数据', 'No data', '尚无统计，不计入得分', 'nothing measured yet, not scored'],
};

const SOURCE = {
  ACTIVITY: ['活动统计', 'from activities'],
  RIGHTS: ['维权案件统计', 'from rights cases'],
  HONOURS: ['荣誉创建与复查', 'from honours'],
  REPORTED: ['审核通过的填报值', 'from approved reports'],
};

function sourceLabel(source) {
  const s = SOURCE[source];
  return s ? L('数据来源：' + s[0], s[1]) : '';
}

/** The lights in the order the rankings count them, most pressing first, then no data. */
const LIGHT_ORDER = ['RED', 'OVERDUE', 'YELLOW', 'GREEN', 'NO_DATA'];

function lightName(status) {
  const l = LIGHT[status];
  return l ? L(l[0], l[1]) : status;
}

/** A percentage, or 无数据 / "no data" where nothing was measured: never a 0 % that was not measured. */
function pct(value) {
  return value === null || value === undefined ? L('无数据', 'no data') : num(value, 1) + '%';
}

/** The colour class of a completion: the task's light where it has one, no data where nothing was measured. */
function cellClass(row) {
  if (!row || row.completionPercent === null || row.completionPercent === undefined) return 'NO_DATA';
  return row.paceStatus || 'NO_DATA';
}

/** A ranking row's count of tasks with that light. */
function rankCount(r, light) {
  return { RED: r.red, OVERDUE: r.overdue, YELLOW: r.yellow, GREEN: r.green, NO_DATA: r.noData }[light] || 0;
}

function lightLabel(status) {
  const l = LIGHT[status];
  return l ? L(l[0] + ' · ' + l[2], l[1] + ' · ' + l[3]) : L('无目标', 'no target');
}

let echartsModule = null;
async function echarts() {
  if (!echartsModule) echartsModule = await import('../vendor/echarts.js');
  return echartsModule;
}

/** 「本级自定」 for a task of the unit's own plan; 「鼓楼区妇联下达」 for one allocated from a plan above. */
function originLabel(t) {
  if (t.origin === 'OWN') return L('本级自定', 'Own plan');
  return t.planUnitName ? L(t.planUnitName + '妇联下达', 'From ' + t.planUnitName) : L('上级下达', 'From above');
}

function originTitle(t) {
  return t.origin === 'OWN'
    ? L('本单位年度计划中自行确定的任务', 'A task of this unit’s own annual plan')
    : L('上级计划分解下达的任务', 'Allocated from a plan above');
}

export const Dashboard = {
  props: { query: Object },
  setup(props) {
    const unit = ref(props.query.unit || (session.user && session.user.unitPath));
    const year = ref(Number(props.query.year) || currentYear());
    const data = ref(null);
    const error = ref(null);
    const live = ref('connecting');
    const updatedAt = ref(null);
    const chartEl = ref(null);
    let chart = null;
    let labelsUpright = null; // whether the bars' labels were last drawn upright
    let source = null;
    let poll = null;
    let pending = null;

    async function load() {
      try {
        data.value = await api.get('/api/reports/dashboard' + qs({ unit: unit.value, year: year.value }));
        error.value = null;
        updatedAt.value = new Date();
        await nextTick();
        await drawChart();
      } catch (e) {
        error.value = e;
      }
    }
    /** Many events can arrive in a burst (an Excel import): one reload per half second is enough. */
    function reloadSoon() {
      if (pending) return;
      pending = setTimeout(() => { pending = null; load(); }, 500);
    }
    function connect() {
      disconnect();
      if (typeof EventSource === 'undefined') { startPolling(); return; }
      source = new EventSource('/api/reports/stream' + qs({ unit: unit.value }));
      source.onopen = () => { live.value = 'live'; };
      source.onmessage = reloadSoon;
      // reporting-service names its notices; the figures themselves are read again from the dashboard API
      source.addEventListener('figures-changed', reloadSoon);
      source.onerror = () => {
        // EventSource reconnects by itself after a dropped connection; a refused stream stays closed
        if (source && source.readyState === EventSource.CLOSED) startPolling();
        else live.value = 'reconnecting';
      };
    }
    /** Without the event stream the page still follows the figures, only more slowly. */
    function startPolling() {
      if (source) { source.close(); source = null; }
      live.value = 'polling';
      if (!poll) poll = setInterval(load, 10000);
    }
    function disconnect() {
      if (source) { source.close(); source = null; }
      if (poll) { clearInterval(poll); poll = null; }
    }

    async function drawChart() {
      if (!chartEl.value || !data.value || !data.value.children || !data.value.children.length) {
        if (chart) { chart.dispose(); chart = null; }
        return;
      }
      const ec = await echarts();
      if (!chart || chart.getDom() !== chartEl.value) {
        if (chart) chart.dispose();
        chart = ec.init(chartEl.value, null, { renderer: 'canvas' });
        chart.on('click', (p) => {
          // a bar, or the unit's name under it: both lead to the unit
          const child = p.componentType === 'xAxis'
            ? data.value.children.find((c) => c.unit.name === p.value)
            : data.value.children[p.dataIndex];
          if (child) drill(child.unit.path);
        });
      }
      const kids = data.value.children;
      // too little room above each bar for a label side by side (a phone, many units): labels stand upright
      const crowded = chart.getWidth() / Math.max(kids.length, 1) < 48;
      labelsUpright = crowded;
      chart.setOption({
        animationDuration: 300,
        grid: { left: 48, right: 16, top: crowded ? 48 : 28, bottom: 64 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: (ps) => ps.map((p) => p.name + '：' + (p.data.noData ? L('无数据', 'no data') : num(p.value, 1) + '%')).join('<br>') },
        xAxis: { type: 'category', data: kids.map((c) => c.unit.name), triggerEvent: true,
          axisLabel: { interval: 0, rotate: kids.length > 8 || narrow() ? 35 : 0, fontSize: narrow() ? 10 : 12 } },
        yAxis: { type: 'value', name: L('完成度 %', 'completion %'), max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10) },
        series: [{
          type: 'bar', name: L('完成度', 'Completion'), cursor: 'pointer',
          // a unit with no scored task has no completion: a grey stub saying so, never "0%"
          data: kids.map((c) => (c.score === null
            ? { value: 0, noData: true, itemStyle: { color: '#c5ccd3' } }
            : { value: Number(c.score), itemStyle: { color: barColour(c) } })),
          // a bar near 0 % stays tall enough to click
          barMinHeight: 14,
          label: { show: true, position: 'top', rotate: crowded ? 90 : 0, align: crowded ? 'left' : 'center',
            verticalAlign: 'middle', fontSize: crowded ? 10 : 12,
            formatter: (p) => (p.data.noData ? L('无数据', 'no data') : num(p.value, 1) + '%') },
        }],
      }, true);
      chart.resize();
    }
    const narrow = () => window.innerWidth <= 600;
    function barColour(child) {
      const s = child.statusCounts || {};
      if (s.OVERDUE || s.RED) return '#c0392b';
      if (s.YELLOW) return '#e0a106';
      return '#2e8b57';
    }

    function drill(path) {
      window.location.hash = '#/dashboard' + qs({ unit: path, year: year.value });
    }
    // the unit's lineage from the root, each level a link while it is within the user's own scope
    const trail = computed(() => {
      if (!data.value || !data.value.trail) return [];
      const own = session.user ? session.user.unitPath : '';
      return data.value.trail.map((u) => ({ ...u, reachable: u.path === own || u.path.startsWith(own + '/') }));
    });
    const overall = computed(() => {
      const rows = (data.value ? data.value.tasks : []).filter((t) => t.completionPercent !== null && t.completionPercent !== undefined);
      if (!rows.length) return null;
      return rows.reduce((s, t) => s + Math.min(100, Number(t.completionPercent)), 0) / rows.length;
    });
    // 单位×任务: the units below down the side, the unit's tasks across, each cell the child's completion of the task
    const gridTasks = computed(() => (data.value ? data.value.tasks : []).map((t) => ({ id: t.taskId, title: t.title })));
    const grid = computed(() => (data.value && data.value.children ? data.value.children : []).map((c) => {
      // the child's summary: each task's completion and light, by task id
      const lights = c.lights || {};
      const cell = (id) => (id in lights ? { completionPercent: (c.completion || {})[id], paceStatus: lights[id] } : null);
      return { unit: c.unit, score: c.score, cells: gridTasks.value.map((t) => ({ task: t, row: cell(t.id) })) };
    }));
    const counts = computed(() => {
      const c = { GREEN: 0, YELLOW: 0, RED: 0, OVERDUE: 0, NO_DATA: 0 };
      for (const t of (data.value ? data.value.tasks : [])) if (c[t.paceStatus] !== undefined) c[t.paceStatus] += 1;
      return c;
    });
    const years = computed(() => { const y = currentYear(); return [...new Set([year.value, y + 1, y, y - 1, y - 2])].sort((a, b) => b - a); });
    const exportQuery = computed(() => qs({ unit: data.value ? data.value.unit.path : unit.value, year: year.value }));
    const changeYear = () => { window.location.hash = '#/dashboard' + qs({ unit: unit.value, year: year.value }); };
    // a window turned or resized past the point where labels fit side by side: drawn again with upright labels
    const onResize = () => {
      if (!chart) return;
      chart.resize();
      const kids = (data.value && data.value.children) || [];
      if ((chart.getWidth() / Math.max(kids.length, 1) < 48) !== labelsUpright) drawChart();
    };

    onMounted(async () => {
      await load();
      connect();
      window.addEventListener('resize', onResize);
    });
    onBeforeUnmount(() => {
      disconnect();
      window.removeEventListener('resize', onResize);
      if (chart) chart.dispose();
      if (pending) clearTimeout(pending);
    });
    watch(lang, () => drawChart());
    return {
      data, error, load, live, updatedAt, chartEl, year, years, changeYear, exportQuery, drill, trail, overall, counts,
      LIGHT_ORDER, lightName, rankCount, periodLabel, pct, cellClass, grid, gridTasks,
      lightLabel, sourceLabel, originLabel, originTitle, L, num, date, dateTime, measure,
    };
  },
  template: `
  <section class="page dashboard">
    <div class="page-head">
      <h1>{{ L('领导看板', 'Dashboard') }}<template v-if="data"> · <span data-test="dash-unit">{{ data.unit.name }}</span></template></h1>
      <div class="actions">
        <label>{{ L('年度', 'Year') }}
          <select v-model.number="year" @change="changeYear" data-test="dash-year"><option v-for="y in years" :key="y" :value="y">{{ y }}</option></select></label>
        <span class="live" :class="live" data-test="live">{{ live === 'live' ? L('● 实时', '● Live') : live === 'polling' ? L('每10秒刷新', 'refreshing every 10 s') : L('连接中…', 'connecting…') }}</span>
      </div>
    </div>
    <p class="actions exports" v-if="data">
      <a class="button small" :href="'/api/reports/exports/dashboard.xlsx' + exportQuery" download>{{ L('导出看板（Excel）', 'Dashboard (Excel)') }}</a>
      <a class="button small" :href="'/api/reports/exports/ledger.xlsx?year=' + year" download>{{ L('导出分解台账（Excel）', 'Allocation ledger (Excel)') }}</a>
      <a class="button small" :href="'/api/reports/exports/ranking.pdf' + exportQuery" download>{{ L('排名通报（PDF）', 'Ranking bulletin (PDF)') }}</a>
    </p>
    <nav v-if="trail.length > 1" class="crumbs" :aria-label="L('单位层级', 'Unit levels')" data-test="breadcrumb">
      <template v-for="(u, i) in trail" :key="u.path">
        <span v-if="i > 0" class="sep" aria-hidden="true"> › </span>
        <a v-if="u.reachable && i < trail.length - 1" href="" @click.prevent="drill(u.path)">{{ u.name }}</a>
        <span v-else>{{ u.name }}</span>
      </template>
    </nav>
    <LoadError v-if="error" :error="error" @retry="load"></LoadError>
    <template v-else-if="data">
      <div class="kpis">
        <div class="kpi"><span class="k">{{ L('总体完成度', 'Overall completion') }}</span><span class="v" data-test="overall">{{ pct(overall) }}</span></div>
        <div class="kpi"><span class="k">{{ L('任务灯号', 'Task lights') }}</span>
          <span class="v lights" data-test="lights"><span v-for="k in LIGHT_ORDER" :key="k" class="light"><span class="dot" :class="k"></span><small>{{ lightName(k) }}</small> {{ counts[k] }}</span></span></div>
        <div class="kpi" v-if="data.rights"><span class="k">{{ L('维权办结率', 'Case closure rate') }}</span><span class="v">{{ pct(data.rights.closureRate) }}</span>
          <span class="s">{{ L('受理', 'received') }} {{ data.rights.received }} · {{ L('办结', 'closed') }} {{ data.rights.closed }} · {{ L('超期', 'overdue') }} {{ data.rights.overdue }}<template v-if="data.rights.repeatPetitions !== null && data.rights.repeatPetitions !== undefined"> · {{ L('重复信访', 'repeat') }} {{ data.rights.repeatPetitions }}</template></span></div>
        <div class="kpi" v-if="data.reporting && data.reporting.length"><span class="k">{{ L('报表按时率', 'Reports on time') }}</span>
          <span class="v">{{ pct(data.reporting[0].timelinessPercent) }}</span><span class="s">{{ periodLabel(data.reporting[0].period) }}</span></div>
      </div>
      <section class="card" v-if="data.children && data.children.length">
        <h2>{{ L('下级单位完成度（点击柱形查看该单位）', 'Units below (click a bar to drill down)') }}</h2>
        <div ref="chartEl" class="chart" role="img" :aria-label="L('下级单位完成度柱状图', 'Bar chart of the units below')" data-test="chart"></div>
        <ul class="drill" data-test="drill">
          <li v-for="c in data.children" :key="c.unit.path"><a href="" @click.prevent="drill(c.unit.path)" :class="{ 'no-data': c.score === null }">{{ c.unit.name }} {{ pct(c.score) }}</a></li>
        </ul>
      </section>
      <section class="card" v-if="grid.length && gridTasks.length" data-test="unit-task-grid">
        <h2>{{ L('下级单位 × 重点任务完成度', 'Units below × tasks: completion') }}</h2>
        <p class="legend" data-test="grid-legend">
          <span v-for="k in LIGHT_ORDER" :key="k" class="light"><span class="dot" :class="k"></span>{{ lightName(k) }}</span>
        </p>
        <div class="grid-wrap">
        <table class="grid heat cards-on-phone">
          <thead><tr><th>{{ L('单位', 'Unit') }}</th><th v-for="t in gridTasks" :key="t.id" :title="t.title" class="task-col">{{ t.title }}</th></tr></thead>
          <tbody><tr v-for="u in grid" :key="u.unit.path" :data-unit="u.unit.name">
            <td class="unit"><a href="" @click.prevent="drill(u.unit.path)">{{ u.unit.name }}</a> <small class="muted">{{ pct(u.score) }}</small></td>
            <td v-for="c in u.cells" :key="c.task.id" class="cell" :class="cellClass(c.row)" :data-label="c.task.title" :title="c.task.title + '：' + pct(c.row && c.row.completionPercent)">
              {{ c.row ? pct(c.row.completionPercent) : '—' }}</td>
          </tr></tbody>
        </table>
        </div>
      </section>
      <section class="card">
        <h2>{{ L('重点任务进度', 'Task progress') }} <small class="muted">{{ L('截至', 'as of') }} {{ dateTime(data.asOf) }}</small></h2>
        <div v-if="!data.tasks.length" class="empty">{{ L('本年度暂无任务数据', 'No tasks this year') }}</div>
        <div v-else class="scroll">
        <table class="grid cards-on-phone" data-test="dash-tasks">
          <thead><tr><th>{{ L('灯号', 'Light') }}</th><th>{{ L('重点任务', 'Task') }}</th><th>{{ L('目标', 'Target') }}</th><th>{{ L('实际', 'Actual') }}</th>
            <th>{{ L('完成度', 'Done') }}</th><th>{{ L('应完成', 'Expected now') }}</th><th>{{ L('预计全年', 'Projected') }}</th><th>{{ L('时限', 'Due') }}</th></tr></thead>
          <tbody>
            <tr v-for="t in data.tasks" :key="t.taskId" :data-task="t.title">
              <td :data-label="L('灯号', 'Light')" :title="lightLabel(t.paceStatus)"><span class="dot" :class="t.paceStatus"></span><span class="light-text">{{ lightName(t.paceStatus) }}</span></td>
              <td class="title">{{ t.title }} <span v-if="t.origin" class="badge origin" :class="t.origin" data-test="origin" :title="originTitle(t)">{{ originLabel(t) }}</span><br><small class="muted">{{ t.workArea }}<template v-if="t.source && t.source !== 'ACTIVITY'"> · {{ sourceLabel(t.source) }}</template></small></td>
              <td class="num" :data-label="L('目标', 'Target')">{{ measure(t.target, t.indicatorUnit) }}</td>
              <td class="num" :data-label="L('实际', 'Actual')" data-test="actual">{{ measure(t.actual, t.indicatorUnit) }}</td>
              <td class="num" :data-label="L('完成度', 'Done')" data-test="completion">{{ pct(t.completionPercent) }}</td>
              <td class="num" :data-label="L('应完成', 'Expected now')">{{ measure(t.expectedByNow, t.indicatorUnit) }}</td>
              <td class="num" :data-label="L('预计全年', 'Projected')">{{ measure(t.projected, t.indicatorUnit) }}</td>
              <td :data-label="L('时限', 'Due')">{{ date(t.dueDate) }}</td>
            </tr>
          </tbody>
        </table>
        </div>
      </section>
      <section class="card" v-if="data.retainedShare && data.retainedShare.length" data-test="retained-share">
        <h2>{{ L('本级保留任务', 'Share kept by this unit') }}</h2>
        <div class="scroll">
        <table class="grid cards-on-phone">
          <thead><tr><th>{{ L('灯号', 'Light') }}</th><th>{{ L('重点任务', 'Task') }}</th><th>{{ L('本级保留', 'Kept') }}</th><th>{{ L('本级完成', 'Done by this unit') }}</th><th>{{ L('完成度', 'Done') }}</th></tr></thead>
          <tbody>
            <tr v-for="t in data.retainedShare" :key="t.taskId">
              <td :data-label="L('灯号', 'Light')" :title="lightLabel(t.paceStatus)"><span class="dot" :class="t.paceStatus"></span><span class="light-text">{{ lightName(t.paceStatus) }}</span></td>
              <td class="title">{{ t.title }}</td>
              <td class="num" :data-label="L('本级保留', 'Kept')">{{ measure(t.target, t.indicatorUnit) }}</td>
              <td class="num" :data-label="L('本级完成', 'Done by this unit')">{{ measure(t.actual, t.indicatorUnit) }}</td>
              <td class="num" :data-label="L('完成度', 'Done')">{{ pct(t.completionPercent) }}</td>
            </tr>
          </tbody>
        </table>
        </div>
      </section>
      <div class="two">
        <section class="card" v-if="data.rankings && data.rankings.length">
          <h2>{{ L('排名通报', 'Ranking') }}</h2>
          <p class="legend" data-test="ranking-legend">{{ L('各灯号任务数，顺序同上：', 'Tasks by light, in this order: ') }}
            <span v-for="k in LIGHT_ORDER" :key="k" class="light"><span class="dot" :class="k"></span>{{ lightName(k) }}</span></p>
          <table class="grid cards-on-phone" data-test="rankings"><thead><tr><th>{{ L('名次', 'Rank') }}</th><th>{{ L('单位', 'Unit') }}</th><th>{{ L('得分', 'Score') }}</th><th>{{ L('灯号', 'Lights') }}</th></tr></thead>
            <tbody><tr v-for="r in data.rankings" :key="r.unit.path"><td class="num" :data-label="L('名次', 'Rank')">{{ r.rank }}</td>
              <td :data-label="L('单位', 'Unit')"><a href="" @click.prevent="drill(r.unit.path)">{{ r.unit.name }}</a></td><td class="num" :data-label="L('得分', 'Score')">{{ pct(r.score) }}</td>
              <td class="counts" :data-label="L('灯号', 'Lights')"><span v-for="k in LIGHT_ORDER" :key="k" class="light" :title="lightName(k)"><span class="dot" :class="k"></span>{{ rankCount(r, k) }}</span></td></tr></tbody></table>
        </section>
        <section class="card" v-if="data.reporting && data.reporting.length">
          <h2>{{ L('报表填报情况', 'Report completeness') }}</h2>
          <table class="grid cards-on-phone"><thead><tr><th>{{ L('期次', 'Period') }}</th><th>{{ L('应报', 'Due') }}</th><th>{{ L('已报', 'Submitted') }}</th><th>{{ L('按时', 'On time') }}</th><th>{{ L('已审核', 'Approved') }}</th></tr></thead>
            <tbody><tr v-for="p in data.reporting" :key="p.period"><td class="period">{{ periodLabel(p.period) }}</td><td class="num" :data-label="L('应报', 'Due')">{{ p.expected }}</td><td class="num" :data-label="L('已报', 'Submitted')">{{ p.submitted }}</td>
              <td class="num" :data-label="L('按时', 'On time')">{{ p.onTime }}</td><td class="num" :data-label="L('已审核', 'Approved')">{{ p.approved }}</td></tr></tbody></table>
        </section>
      </div>
    </template>
    <p v-else class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
