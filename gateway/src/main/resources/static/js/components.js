// Small building blocks shared by the pages: labelled fields with their error beside them, empty states, a pager.
import { reactive, ref } from './vendor/vue.js';
import { L } from './i18n.js';
import { STALE } from './api.js';

let nextId = 0;

/**
 * A labelled form field. The error (from the API's problem details) sits right under the input, is announced to
 * screen readers and linked to the input with aria-describedby; the slot receives the id and the aria attributes.
 */
export const Field = {
  props: { label: String, error: Object, hint: String, required: Boolean, name: String },
  setup() {
    nextId += 1;
    return { id: 'f' + nextId, L };
  },
  template: `
    <div class="field" :class="{ invalid: !!error }" :data-field="name">
      <label :for="id">{{ label }}<span v-if="required" class="req" aria-hidden="true">*</span></label>
      <slot :id="id" :aria="{ 'aria-invalid': error ? 'true' : 'false', 'aria-describedby': error ? id + '-err' : (hint ? id + '-hint' : null) }"></slot>
      <p v-if="error" :id="id + '-err'" class="field-error" role="alert">{{ L(error.zh, error.en) }}</p>
      <p v-else-if="hint" :id="id + '-hint'" class="hint">{{ hint }}</p>
    </div>`,
};

/** "Nothing here yet" or "this part of the platform is not available yet", never a blank or broken page. */
export const Empty = {
  props: { unavailable: Boolean, text: String },
  setup() { return { L }; },
  template: `
    <div class="empty" :class="{ unavailable }" role="status">
      <template v-if="unavailable">{{ L('暂无数据：该功能尚未开通', 'Not available yet') }}</template>
      <template v-else>{{ text || L('暂无数据', 'No data yet') }}</template>
    </div>`,
};

/** A banner for an error that belongs to no single field (409 conflicts, 403, network). */
export const Alert = {
  props: { error: Object, kind: { type: String, default: 'error' } },
  setup() { return { L }; },
  template: `
    <div v-if="error" class="alert" :class="kind" role="alert">
      <template v-if="typeof error === 'string'">{{ error }}</template>
      <template v-else>{{ L(error.zh, error.en) }}</template>
    </div>`,
};

/**
 * Previous / next page, "page x of y"; with `numbers` also the page numbers around the current one and the total count
 * (shown even when everything fits on one page).
 */
export const Pager = {
  props: { page: Number, size: Number, total: Number, numbers: Boolean },
  emits: ['go'],
  setup() { return { L }; },
  computed: {
    pages() { return Math.max(1, Math.ceil((this.total || 0) / (this.size || 20))); },
    around() {
      const first = Math.max(0, Math.min(this.page - 2, this.pages - 5));
      const list = [];
      for (let p = first; p < Math.min(this.pages, first + 5); p += 1) list.push(p);
      return list;
    },
  },
  template: `
    <nav class="pager" v-if="pages > 1 || numbers" :aria-label="L('分页', 'Pages')">
      <span v-if="numbers" class="total" data-test="total">{{ L('共' + (total || 0) + '件', (total || 0) + ' in all') }}</span>
      <template v-if="pages > 1">
        <button type="button" :disabled="page <= 0" @click="$emit('go', page - 1)">{{ L('上一页', 'Previous') }}</button>
        <template v-if="numbers">
          <button v-for="p in around" :key="p" type="button" class="page-no" :class="{ current: p === page }"
                  :aria-current="p === page ? 'page' : null" :aria-label="L('第' + (p + 1) + '页', 'Page ' + (p + 1))"
                  @click="p !== page && $emit('go', p)">{{ p + 1 }}</button>
        </template>
        <span v-else>{{ L('第' + (page + 1) + '页，共' + pages + '页', 'Page ' + (page + 1) + ' of ' + pages) }}</span>
        <button type="button" :disabled="page + 1 >= pages" @click="$emit('go', page + 1)">{{ L('下一页', 'Next') }}</button>
      </template>
    </nav>`,
};

/**
 * Form state: values, the field errors of the last failed save, a general error and a busy flag. `fail(e)` sorts an
 * ApiError into field errors (shown beside the fields) and the rest (shown at the top).
 */
export function useForm() {
  const errors = reactive({});
  const general = ref(null);
  const busy = ref(false);
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k];
    general.value = null;
  }
  function fail(e) {
    clear();
    const fields = (e && e.fields) || {};
    Object.assign(errors, fields);
    if (!Object.keys(fields).length || (e.problem && e.problem.status !== 400)) {
      general.value = problemText(e);
    } else {
      general.value = { zh: '请修改标出的内容后再保存，尚未保存任何数据。', en: 'Please correct the marked fields; nothing was saved.' };
    }
  }
  return { errors, general, busy, clear, fail };
}

/**
 * A readable sentence for an error, by what it is: a network failure, 无权限 (403), 未找到 (404), a conflict (409), a
 * service that is down (502–504) or failed (500), each with the service's own words where it gave them.
 */
export function problemText(e) {
  if (!e) return null;
  const p = e.problem || {};
  const [rawZh, en] = e.status === 0 ? ['', ''] : splitPair(p.detail || p.title || '');
  // the services' sentences sometimes carry a half-width colon after Chinese text
  const zh = rawZh.replace(/([\u4e00-\u9fff])[:]\s*/g, '$1：');
  const status = e.status;
  if (status === 0) {
    return { zh: '网络连接失败，操作未完成。请检查网络后重试。', en: 'Network failure: nothing was done. Check the connection and try again.' };
  }
  // the kind of error is said once: a service's own sentence that already says it is not prefixed again
  if (status === 403) {
    return { zh: /无权|权限/.test(zh) ? zh : '无权限：' + (zh || '您不能执行此操作。'), en: /not allowed|forbidden/i.test(en) ? en : 'Not allowed: ' + (en || 'you may not do this.') };
  }
  if (status === 404) {
    return {
      zh: zh.startsWith('未找到') ? zh : '未找到：' + (zh || '该内容不存在或不在本单位范围内。'),
      en: /^not found/i.test(en) ? en : 'Not found: ' + (en || 'it does not exist or is outside your unit.'),
    };
  }
  if (status === 409) return { zh: zh || '数据已被修改，请刷新后重试。', en: en || 'It has changed meanwhile; reload and try again.' };
  if (status === 412) return STALE;
  if (status === 502 || status === 503 || status === 504) {
    return { zh: '服务暂时不可用（HTTP ' + status + '），请稍后重试。' + (zh ? zh : ''), en: 'The service is not answering (HTTP ' + status + '); please try again later.' + (en ? ' ' + en : '') };
  }
  if (status >= 500) {
    return { zh: '服务器出错（HTTP ' + status + '）：' + (zh || '操作未完成。'), en: 'Server error (HTTP ' + status + '): ' + (en || 'nothing was done.') };
  }
  return { zh: zh || '操作失败。', en: en || zh || 'Failed.' };
}

/** Whether trying the same request again may help: the network, or a service that failed or is not answering. */
export function retryable(e) {
  return !!e && (e.status === 0 || e.status >= 500);
}

/** A page that could not load: what went wrong, and a retry button where trying again may help. */
export const LoadError = {
  props: { error: Object },
  emits: ['retry'],
  setup() { return { L, problemText, retryable }; },
  template: `
    <div v-if="error" class="alert" :class="retryable(error) ? 'retry' : 'error'" role="alert" data-test="problem" :data-status="error.status">
      <span>{{ L(problemText(error).zh, problemText(error).en) }}</span>
      <button v-if="retryable(error)" type="button" class="small" data-test="retry" @click="$emit('retry')">{{ L('重试', 'Try again') }}</button>
    </div>`,
};

export function splitPair(text) {
  const s = String(text || '');
  const i = s.indexOf(' / ');
  return i > 0 ? [s.slice(0, i), s.slice(i + 3)] : [s, s];
}
