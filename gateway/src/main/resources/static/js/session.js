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
    // the tier comes from the unit's type, not from how deep it sits: a county federation's root is 区县级
    const tier = TIERS[unit.type];
    if (tier) {
      user.levelLabel = tier[0];
      user.levelLabelEn = tier[1];
    } else if (unit.typeLabel) {
      user.levelLabel = unit.typeLabel;
      user.levelLabelEn = unit.type;
    }
  } catch (e) {
    // the unit's name is a nicety: the header falls back to its code
  }
  return user;
}

const TIERS = {
  PROVINCE: ['省级', 'Province'],
  CITY: ['市级', 'City'],
  COUNTY: ['区县级', 'County'],
  COUNTY_CITY: ['区县级', 'County-level city'],
  DISTRICT: ['区县级', 'District'],
  TOWNSHIP: ['乡镇（街道）级', 'Township'],
  TOWN: ['乡镇（街道）级', 'Town'],
  SUBDISTRICT: ['乡镇（街道）级', 'Sub-district'],
  VILLAGE: ['村（社区）级', 'Village'],
  COMMUNITY: ['村（社区）级', 'Community'],
};

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
  if (hasRole('admin')) return '#/admin/units';
  return '#/dashboard';
}

/** The plan year people work on: this year, or next year's plan from November on. */
export function currentYear() {
  return new Date().getFullYear();
}
