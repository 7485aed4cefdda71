// The console: header with the user's unit and level, a menu by role, and a small hash router over the pages.
import { createApp, reactive, computed, markRaw, ref, watch } from './vendor/vue.js';
import { L, lang, setLang } from './i18n.js';
import { csrfToken } from './api.js';
import { session, loadSession, hasRole, isStaff, homeRoute } from './session.js';
import { Field, Empty, Alert, Pager, LoadError } from './components.js';
import { PlanList, PlanEditor, PlanDetail } from './pages/plans.js';
import { Inbox, AssignmentDetail } from './pages/assignments.js';
import { ActivityList, ActivityForm } from './pages/activities.js';
import { Dashboard } from './pages/dashboard.js';
import { CaseList, CaseForm, CaseDetail } from './pages/cases.js';
import { Reports } from './pages/reports.js';
import { UserAdmin } from './pages/users.js';
import { UnitAdmin } from './pages/units.js';

const ROUTES = [
  ['/plans', PlanList],
  ['/plans/new', PlanEditor],
  ['/plans/:id/edit', PlanEditor],
  ['/plans/:id', PlanDetail],
  ['/inbox', Inbox],
  ['/assignments/:id', AssignmentDetail],
  ['/activities', ActivityList],
  ['/activities/new', ActivityForm],
  ['/dashboard', Dashboard],
  ['/cases', CaseList],
  ['/cases/new', CaseForm],
  ['/cases/:id', CaseDetail],
  ['/reports', Reports],
  ['/admin/users', UserAdmin],
  ['/admin/units', UnitAdmin],
].map(([pattern, component]) => ({
  keys: (pattern.match(/:\w+/g) || []).map((k) => k.slice(1)),
  regex: new RegExp('^' + pattern.replace(/:\w+/g, '([^/]+)') + '$'),
  component: markRaw(component),
}));

const route = reactive({ path: '', query: {}, params: {}, component: null, full: '' });

function resolve() {
  const hash = window.location.hash.replace(/^#/, '') || '';
  if (!hash || hash === '/') {
    window.location.replace(homeRoute());
    resolve();
    return;
  }
  const [path, search] = hash.split('?');
  const query = Object.fromEntries(new URLSearchParams(search || ''));
  for (const r of ROUTES) {
    const m = path.match(r.regex);
    if (m) {
      const params = {};
      r.keys.forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]); });
      Object.assign(route, { path, query, params, component: r.component, full: hash });
      return;
    }
  }
  Object.assign(route, { path, query, params: {}, component: null, full: hash });
}

const NotFound = {
  setup() { return { L }; },
  template: `<section class="page"><h1>{{ L('页面不存在', 'Page not found') }}</h1>
    <p><a href="#/">{{ L('返回首页', 'Back to the start page') }}</a></p></section>`,
};

const App = {
  setup() {
    const menu = computed(() => {
      const items = [];
      if (isStaff()) items.push(['#/plans', L('年度计划', 'Annual plans')]);
      if (isStaff()) items.push(['#/inbox', L('任务签收与分解', 'Assignments')]);
      if (isStaff()) items.push(['#/activities', L('活动记录', 'Activities')]);
      if (isStaff()) items.push(['#/reports', L('进度填报', 'Progress reports')]);
      items.push(['#/dashboard', L('领导看板', 'Dashboard')]);
      const cases = ['#/cases', L('维权案件', 'Rights cases')];
      // the case desk is a rights officer's own work: first in the menu, as it is the start page
      if (hasRole('rights-officer')) items.unshift(cases);
      else if (isStaff()) items.push(cases);
      if (hasRole('admin')) items.push(['#/admin/units', L('组织机构', 'Units')]);
      if (hasRole('admin')) items.push(['#/admin/users', L('账号管理', 'Accounts')]);
      return items;
    });
    // on a phone the menu folds into one button naming the current page
    const menuOpen = ref(false);
    watch(() => route.full, () => { menuOpen.value = false; });
    const current = computed(() => {
      const item = menu.value.find(([href]) => active(href));
      return item ? item[1] : '';
    });
    const levelLabel = computed(() => session.user ? L(session.user.levelLabel, session.user.levelLabelEn) : '');
    const toggleLang = () => setLang(lang.value === 'zh' ? 'en' : 'zh');
    const active = (href) => ('#' + route.path).startsWith(href);
    return { session, route, menu, menuOpen, current, levelLabel, toggleLang, active, L, lang, csrf: csrfToken, NotFound };
  },
  template: `
    <a class="skip" href="#main">{{ L('跳到正文', 'Skip to content') }}</a>
    <header class="top" v-if="session.user">
      <div class="brand"><span class="logo" aria-hidden="true">妇</span>{{ L('妇联工作平台', "Women's Federation Platform") }}</div>
      <div class="who" data-test="who">
        <span class="unit">{{ session.unitName }}</span>
        <span class="level">{{ levelLabel }}</span>
        <span class="user">{{ session.user.name }}</span>
      </div>
      <div class="tools">
        <button type="button" class="link" @click="toggleLang" :aria-label="L('切换到英文', 'Switch to Chinese')">{{ lang === 'zh' ? 'English' : '中文' }}</button>
        <form method="post" action="/logout" class="logout">
          <input type="hidden" name="_csrf" :value="csrf()">
          <button type="submit" class="link">{{ L('退出登录', 'Log out') }}</button>
        </form>
      </div>
    </header>
    <nav class="menu" v-if="session.user" :class="{ open: menuOpen }" :aria-label="L('主菜单', 'Main menu')">
      <button type="button" class="menu-toggle" data-test="menu-toggle" :aria-expanded="menuOpen ? 'true' : 'false'"
              aria-controls="menu-items" @click="menuOpen = !menuOpen">
        <span aria-hidden="true">☰</span> {{ L('菜单', 'Menu') }}<template v-if="current">{{ L('：', ': ') }}{{ current }}</template>
      </button>
      <div class="menu-items" id="menu-items">
        <a v-for="[href, text] in menu" :key="href" :href="href" :class="{ active: active(href) }"
           :aria-current="active(href) ? 'page' : null">{{ text }}</a>
      </div>
    </nav>
    <main id="main" tabindex="-1">
      <component v-if="session.user" :is="route.component || NotFound" :key="route.full"
                 :params="route.params" :query="route.query"></component>
    </main>`,
};

async function start() {
  try {
    await loadSession();
  } catch (e) {
    if (e.status !== 401) {
      document.getElementById('app').innerHTML =
        '<p class="booting">平台暂时无法访问，请稍后刷新。/ The platform is not reachable right now.</p>';
    }
    return;
  }
  resolve();
  window.addEventListener('hashchange', () => {
    resolve();
    const main = document.getElementById('main');
    if (main) main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  });
  const app = createApp(App);
  app.config.globalProperties.L = L;
  app.component('Field', Field).component('Empty', Empty).component('Alert', Alert).component('Pager', Pager)
    .component('LoadError', LoadError);
  app.mount('#app');
}

start();
