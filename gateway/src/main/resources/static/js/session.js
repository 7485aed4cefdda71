// Who is logged in (from the gateway's /api/session) and what that lets the user do in the console.
import { reactive } from './vendor/vue.js';
import { api } from './api.js';

export const session = reactive({
  loaded: false,
  user: null,
  unitName: '',
});

export async function loadSession() {
  const user = await api.get('/api/session');
  session.user = user;
  session.unitName = user.unitCode;
  session.loaded = true;
  try {
    const unit = await api.get('/api/planning/org-units/' + encodeURIComponent(user.unitCode));
    session.unitName = unit.name || user.unitCode;
  } catch (e) {
    // the unit's name is a nicety: the header falls back to its code
  }
  return user;
}

export function hasRole(role) {
  return !!(session.user && session.user.roles.includes(role));
}

/** City, district and township staff do the planning work; leaders and admins read. */
export function isStaff() {
  return hasRole('city') || hasRole('district') || hasRole('township');
}

export function homeRoute() {
  // a rights officer's work is the case desk, whatever level its unit is at
  if (hasRole('rights-officer')) return '#/cases';
  if (hasRole('city')) return '#/plans';
  if (hasRole('district') || hasRole('township')) return '#/inbox';
  if (hasRole('leader')) return '#/dashboard';
  return '#/dashboard';
}

/** The plan year people work on: this year, or next year's plan from November on. */
export function currentYear() {
  return new Date().getFullYear();
}
