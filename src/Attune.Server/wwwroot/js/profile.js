// The hearing-profile form: load from GET /api/profile, save with PUT /api/profile, show each problem next to its field.
import { $, api, problemText, say } from './api.js';
import { SOUND_CLASSES, TRIGGER_CATEGORIES } from './sound-classes.js';

const NUMBER_FIELDS = ['tinnitusHz', 'notchOctaves', 'justAudibleDbfs', 'comfortableLevelDbSl', 'maxLufs', 'ceilingDbtp'];
let preferences = {};

function checkbox(name, value, text) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = name;
  input.value = value;
  label.append(input, ' ', text);
  return label;
}

function buildLists() {
  for (const [name, text] of SOUND_CLASSES) $('sound-classes').append(checkbox('excludedSoundClasses', name, text));
  for (const [key, text, classes] of TRIGGER_CATEGORIES) {
    const label = checkbox('triggerCategories', key, text);
    // Ticking a trigger ticks the music sounds that resemble it (they can still be unticked).
    label.querySelector('input').addEventListener('change', (e) => {
      if (!e.target.checked) return;
      for (const c of classes) document.querySelector(`input[name=excludedSoundClasses][value=${c}]`).checked = true;
    });
    $('trigger-categories').append(label);
  }
}

const checked = (name) => [...document.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
const setChecked = (name, values) => {
  const wanted = new Set((values || []).map((v) => String(v).toLowerCase()));
  for (const i of document.querySelectorAll(`input[name=${name}]`)) i.checked = wanted.has(i.value.toLowerCase());
};

export function fill(profile) {
  for (const f of NUMBER_FIELDS) $(f).value = profile[f] ?? '';
  setChecked('conditions', profile.conditions);
  setChecked('excludedSoundClasses', profile.excludedSoundClasses);
  setChecked('triggerCategories', profile.triggerCategories);
  preferences = profile.preferences && typeof profile.preferences === 'object' ? profile.preferences : {};
}

/** Lets the wizard write a measured value into the form (saved with the rest). */
export function setField(name, value) { $(name).value = value; }
export function getField(name) { const v = $(name).value; return v === '' ? null : Number(v); }
export function setPreference(key, value) { preferences = { ...preferences, [key]: value }; }
export function setCondition(name, on) { document.querySelector(`input[name=conditions][value=${name}]`).checked = on; }

function showErrors(errors) {
  for (const f of NUMBER_FIELDS) {
    const message = errors?.[f]?.join('; ') || '';
    $(`${f}-error`).textContent = message ? `${f} ${message}` : '';
    $(f).setAttribute('aria-invalid', message ? 'true' : 'false');
  }
}

export async function save() {
  const body = { conditions: checked('conditions'), excludedSoundClasses: checked('excludedSoundClasses'),
    triggerCategories: checked('triggerCategories'), preferences };
  for (const f of NUMBER_FIELDS) {
    const v = $(f).value.trim();
    body[f] = v === '' ? null : Number(v);
  }
  const result = await api('PUT', '/api/profile', body);
  showErrors(result.ok ? null : result.data?.errors);
  if (result.ok) { fill(result.data); say($('profile-status'), 'Profile saved.', false); }
  else say($('profile-status'), problemText(result.data, result.status), true);
  return result.ok;
}

export async function initProfile() {
  buildLists();
  $('profile').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  const result = await api('GET', '/api/profile');
  if (result.ok) fill(result.data);
}
