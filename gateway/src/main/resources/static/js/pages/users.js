// 账号管理: an admin's accounts — its own unit's and everything below — with filters and a pager; creating an
// account hands over a temporary password once (changed at the first login); unit and roles can be changed, an
// account disabled, enabled again, or given a new temporary password. Keycloak does the logging in; the platform
// keeps who changed what.
import { ref, reactive, onMounted } from '../vendor/vue.js';
import { api, qs } from '../api.js';
import { L, dateTime } from '../i18n.js';
import { session } from '../session.js';
import { useForm, problemText } from '../components.js';

export const UserAdmin = {
  setup() {
    const list = ref(null);
    const error = ref(null);
    const notice = ref(null);
    const roles = ref([]);
    const units = ref([]);
    const filter = reactive({ q: '', unitCode: '', enabled: '' });
    const page = ref(0);
    const editing = ref(null);
    const form = useForm();
    const draft = reactive({ username: '', name: '', unitCode: '', roles: ['staff'] });
    const handedOver = ref(null);
    const working = ref('');

    async function load() {
      try {
        list.value = await api.get('/api/planning/users' + qs({
          q: filter.q, unitCode: filter.unitCode, enabled: filter.enabled, page: page.value, size: 20,
        }));
        error.value = null;
      } catch (e) {
        error.value = e;
      }
    }
    async function loadChoices() {
      try {
        roles.value = await api.get('/api/planning/users/roles');
        const tree = await api.get('/api/planning/org-units' + qs({ size: 200 }));
        units.value = tree.items.filter((u) => !u.retired);
      } catch (e) {
        error.value = e;
      }
    }
    const go = (p) => { page.value = p; load(); };
    const unitName = (code) => { const u = units.value.find((x) => x.code === code); return u ? u.name : code; };
    const unitLabel = (u) => '　'.repeat(Math.max(0, u.path.split('/').length - session.user.unitPath.split('/').length))
      + u.name + (u.typeLabel ? '（' + u.typeLabel + '）' : '');

    function startNew() {
      Object.assign(draft, { username: '', name: '', unitCode: session.user.unitCode, roles: ['staff'] });
      editing.value = 'new';
      handedOver.value = null;
      form.clear();
    }
    function startEdit(u) {
      Object.assign(draft, {
        username: u.username, name: u.name, unitCode: u.unitCode,
        roles: u.roles.map((r) => (['city', 'district', 'township'].includes(r) ? 'staff' : r)),
      });
      editing.value = u.username;
      handedOver.value = null;
      form.clear();
    }
    async function save() {
      form.busy.value = true;
      try {
        if (editing.value === 'new') {
          const created = await api.post('/api/planning/users', { ...draft });
          handedOver.value = { username: created.user.username, password: created.temporaryPassword };
          notice.value = { zh: '账号已创建。', en: 'Account created.' };
        } else {
          await api.put('/api/planning/users/' + encodeURIComponent(editing.value),
            { name: draft.name, unitCode: draft.unitCode, roles: draft.roles });
          notice.value = { zh: '账号“' + editing.value + '”的单位和角色已保存。', en: 'Saved ' + editing.value + '.' };
        }
        editing.value = null;
        await load();
      } catch (e) {
        form.fail(e);
      } finally {
        form.busy.value = false;
      }
    }
    async function act(u, action) {
      const questions = {
        disable: ['确定停用账号“' + u.username + '”？停用后该账号不能登录。', 'Disable ' + u.username + '?'],
        'reset-password': ['确定为“' + u.username + '”重置密码？原密码立即失效。', 'Reset the password of ' + u.username + '?'],
      };
      if (questions[action] && !window.confirm(L(...questions[action]))) return;
      working.value = u.username + ':' + action;
      notice.value = null;
      try {
        const answer = await api.post('/api/planning/users/' + encodeURIComponent(u.username) + '/' + action);
        if (action === 'reset-password') {
          handedOver.value = { username: u.username, password: answer.temporaryPassword };
          notice.value = { zh: '已重置密码。', en: 'Password reset.' };
        } else {
          notice.value = action === 'disable'
            ? { zh: '账号“' + u.username + '”已停用。', en: u.username + ' disabled.' }
            : { zh: '账号“' + u.username + '”已启用。', en: u.username + ' enabled.' };
        }
        await load();
      } catch (e) {
        notice.value = null;
        error.value = null;
        window.alert(L(problemText(e).zh, problemText(e).en));
      } finally {
        working.value = '';
      }
    }
    const toggleRole = (role) => {
      const i = draft.roles.indexOf(role);
      if (i >= 0) draft.roles.splice(i, 1); else draft.roles.push(role);
    };
    onMounted(() => { load(); loadChoices(); });
    return {
      list, error, notice, roles, units, filter, page, go, load, editing, form, draft, handedOver, working,
      startNew, startEdit, save, act, toggleRole, unitLabel, unitName, problemText, L, dateTime,
    };
  },
  template: `
  <section class="page">
    <div class="page-head">
      <h1>{{ L('账号管理', 'Accounts') }}</h1>
      <div class="actions"><button type="button" class="primary" @click="startNew" data-test="new-user">{{ L('新建账号', 'New account') }}</button></div>
    </div>
    <p class="hint">{{ L('可管理本单位及下级单位的账号。新账号首次登录时须修改临时密码。', 'Accounts of your unit and the units below it. A new account changes its temporary password at the first login.') }}</p>
    <Alert v-if="notice" :error="notice" kind="ok"></Alert>
    <div v-if="handedOver" class="alert ok handover" role="status" data-test="temporary-password">
      {{ L('请将临时密码告知账号使用人（仅显示这一次）：', 'Hand this temporary password to the account holder (shown once):') }}
      <strong>{{ handedOver.username }}</strong> · <code>{{ handedOver.password }}</code>
    </div>
    <form v-if="editing" class="card form" @submit.prevent="save" data-test="user-form">
      <h2>{{ editing === 'new' ? L('新建账号', 'New account') : L('调整账号：', 'Edit account: ') + editing }}</h2>
      <Alert :error="form.general.value"></Alert>
      <Field v-if="editing === 'new'" :label="L('账号名', 'Account name')" :error="form.errors.username" name="username" required
             :hint="L('3至50位小写字母、数字或 . _ -，用于登录', '3–50 lower-case letters, digits, . _ - ; used to log in')" v-slot="f">
        <input :id="f.id" v-bind="f.aria" v-model.trim="draft.username" name="username" autocomplete="off" maxlength="50">
      </Field>
      <Field :label="L('姓名', 'Name')" :error="form.errors.name" name="name" required v-slot="f">
        <input :id="f.id" v-bind="f.aria" v-model.trim="draft.name" name="name" maxlength="50">
      </Field>
      <Field :label="L('所属单位', 'Unit')" :error="form.errors.unitCode" name="unitCode" required v-slot="f">
        <select :id="f.id" v-bind="f.aria" v-model="draft.unitCode" name="unitCode">
          <option v-for="u in units" :key="u.code" :value="u.code">{{ unitLabel(u) }}</option>
        </select>
      </Field>
      <Field :label="L('角色', 'Roles')" :error="form.errors.roles" name="roles" required v-slot="f">
        <div class="checks" :id="f.id">
          <label v-for="r in roles" :key="r.role"><input type="checkbox" :checked="draft.roles.includes(r.role)"
            @change="toggleRole(r.role)" :value="r.role" name="roles"> {{ L(r.label, r.labelEn) }}</label>
        </div>
      </Field>
      <div class="form-actions">
        <button type="submit" class="primary" :disabled="form.busy.value" :aria-busy="form.busy.value">
          {{ form.busy.value ? L('正在保存…', 'Saving…') : L('保存', 'Save') }}</button>
        <button type="button" @click="editing = null">{{ L('取消', 'Cancel') }}</button>
      </div>
    </form>
    <div class="filters">
      <label>{{ L('查找', 'Find') }} <input v-model.trim="filter.q" @keyup.enter="go(0)" :placeholder="L('账号名或姓名', 'account or name')"></label>
      <label>{{ L('单位', 'Unit') }} <select v-model="filter.unitCode" @change="go(0)"><option value="">{{ L('全部', 'All') }}</option>
        <option v-for="u in units" :key="u.code" :value="u.code">{{ unitLabel(u) }}</option></select></label>
      <label>{{ L('状态', 'State') }} <select v-model="filter.enabled" @change="go(0)"><option value="">{{ L('全部', 'All') }}</option>
        <option value="true">{{ L('启用', 'Enabled') }}</option><option value="false">{{ L('停用', 'Disabled') }}</option></select></label>
      <button type="button" @click="go(0)">{{ L('查询', 'Search') }}</button>
    </div>
    <Alert v-if="error" :error="problemText(error)"></Alert>
    <template v-if="list">
      <Empty v-if="!list.items.length" :text="L('没有符合条件的账号', 'No accounts match')"></Empty>
      <table v-else class="grid cards-on-phone" data-test="users">
        <thead><tr><th>{{ L('账号名', 'Account') }}</th><th>{{ L('姓名', 'Name') }}</th><th>{{ L('所属单位', 'Unit') }}</th>
          <th>{{ L('角色', 'Roles') }}</th><th>{{ L('状态', 'State') }}</th><th>{{ L('最近变更', 'Last change') }}</th><th>{{ L('操作', 'Actions') }}</th></tr></thead>
        <tbody>
          <tr v-for="u in list.items" :key="u.username" :class="{ cancelled: !u.enabled }" :data-user="u.username">
            <td :data-label="L('账号名', 'Account')">{{ u.username }}</td>
            <td :data-label="L('姓名', 'Name')">{{ u.name }}</td>
            <td :data-label="L('所属单位', 'Unit')">{{ unitName(u.unitCode) }}<span class="code">{{ u.unitCode }}</span></td>
            <td :data-label="L('角色', 'Roles')">{{ u.roleLabels.join('、') }}</td>
            <td :data-label="L('状态', 'State')">{{ u.enabled ? L('启用', 'Enabled') : L('停用', 'Disabled') }}</td>
            <td :data-label="L('最近变更', 'Last change')">{{ dateTime(u.updatedAt) }} · {{ u.updatedBy }}</td>
            <td class="actions">
              <button type="button" class="link" @click="startEdit(u)">{{ L('调整', 'Edit') }}</button>
              <button type="button" class="link" v-if="u.enabled" :disabled="working === u.username + ':disable'" @click="act(u, 'disable')">{{ L('停用', 'Disable') }}</button>
              <button type="button" class="link" v-else :disabled="working === u.username + ':enable'" @click="act(u, 'enable')">{{ L('启用', 'Enable') }}</button>
              <button type="button" class="link" :disabled="working === u.username + ':reset-password'" @click="act(u, 'reset-password')">{{ L('重置密码', 'Reset password') }}</button>
            </td>
          </tr>
        </tbody>
      </table>
      <p class="hint">{{ L('共' + list.total + '个账号', list.total + ' accounts') }}</p>
      <Pager :page="list.page" :size="list.size" :total="list.total" @go="go"></Pager>
    </template>
    <p v-else-if="!error" class="loading">{{ L('加载中…', 'Loading…') }}</p>
  </section>`,
};
