// The set-up wizard: each step plays server-rendered clips and writes what it measures into the profile form.
// Levels are in dB relative to the server's reference level (docs/web-protocol.md); the profile's dBFS fields take
// that reference as the profile's loudest allowed level (maxLufs), which is what the Safety stage limits to.
import { $, say } from '../api.js';
import { ClipPlayer, noiseUrl, toneUrl } from './clip-player.js';
import { ThresholdStaircase } from './threshold-staircase.js';
import { PitchMatch } from './pitch-match.js';
import { getField, setField, setPreference } from '../profile.js';

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
const STEPS = ['comfortable', 'threshold', 'pitch', 'loudness', 'hyperacusis', 'triggers'];
const player = new ClipPlayer();
const measured = { comfortable: null, threshold: null };

/** Test hooks: window.attuneWizard = { played (clip URLs), trials (pitch answers), trial (current), result, measured, stopped }. */
const hooks = { get played() { return player.played; }, get playing() { return player.playing; }, trials: [], trial: null, result: null, measured, stopped: 0 };
window.attuneWizard = hooks;

function status(text, isError) { say($('wizard-status'), text, isError); }

async function play(url) {
  try { await player.play(url); } catch (e) { status(e.message, true); }
}

function show(step) {
  player.stop();
  for (const s of STEPS) $(`step-${s}`).hidden = s !== step;
  for (const b of document.querySelectorAll('#wizard-steps button')) b.setAttribute('aria-current', String(b.dataset.step === step));
  status('', false);
  if (step === 'pitch') pitch.showHistory();
  $(`step-${step}`).querySelector('h3').focus?.();
}

function next(step) { show(STEPS[STEPS.indexOf(step) + 1] ?? step); }

function updateSensationLevel() {
  if (measured.comfortable === null || measured.threshold === null) return;
  setField('comfortableLevelDbSl', clamp(measured.comfortable - measured.threshold, 0, 30));
}

// Comfortable level on the reference sound: 3 dB steps, starting low.
let comfortableDb = -30;
function initComfortable() {
  const showLevel = () => { $('comfortable-level').textContent = String(comfortableDb); };
  const adjust = (delta) => { comfortableDb = clamp(comfortableDb + delta, -60, 0); showLevel(); play(noiseUrl(comfortableDb)); };
  $('comfortable-play').addEventListener('click', () => play(noiseUrl(comfortableDb)));
  $('comfortable-softer').addEventListener('click', () => adjust(-3));
  $('comfortable-louder').addEventListener('click', () => adjust(3));
  $('comfortable-done').addEventListener('click', () => {
    measured.comfortable = comfortableDb;
    updateSensationLevel();
    next('comfortable');
  });
  // Too loud: silence now, and the next sound is 10 dB softer.
  $('too-loud-wizard').addEventListener('click', () => {
    player.stop();
    hooks.stopped++;
    comfortableDb = clamp(comfortableDb - 10, -60, 0);
    showLevel();
    status('Stopped. The next sound will be softer.', false);
  });
}

let staircase = new ThresholdStaircase(-30);
function initThreshold() {
  const showLevel = () => { $('threshold-level').textContent = String(staircase.level); };
  $('threshold-play').addEventListener('click', () => play(noiseUrl(staircase.level, 1000)));
  const answer = (heard) => {
    const found = staircase.answer(heard);
    showLevel();
    if (found === null) { setTimeout(() => play(noiseUrl(staircase.level, 1000)), 500); return; }
    measured.threshold = found;
    setField('justAudibleDbfs', clamp((getField('maxLufs') ?? -30) + found, -120, -20));
    updateSensationLevel();
    $('threshold-result').textContent = `Your just-audible level is ${found} dB on this scale.`;
    staircase = new ThresholdStaircase(-30);
    showLevel();
  };
  $('threshold-yes').addEventListener('click', () => answer(true));
  $('threshold-no').addEventListener('click', () => answer(false));
}

function initLoudness() {
  const hz = () => getField('tinnitusHz') ?? 1000;
  $('loudness-play-tone').addEventListener('click', () => play(toneUrl(hz(), Number($('loudness-tone').value))));
  $('loudness-play-noise').addEventListener('click', () => play(noiseUrl(Number($('loudness-mml').value))));
  $('loudness-done').addEventListener('click', () => {
    const base = measured.threshold ?? -60;
    const loudness = Number($('loudness-tone').value) - base, mml = Number($('loudness-mml').value) - base;
    setPreference('tinnitus_loudness_db_sl', loudness);
    setPreference('minimum_masking_level_db_sl', mml);
    $('loudness-result').textContent = `Tinnitus loudness ${loudness} dB and masking level ${mml} dB above your just-audible level; saved with the profile.`;
  });
}

function initHyperacusis() {
  $('hyper-play').addEventListener('click', () => play(noiseUrl(Number($('hyper-level').value))));
  $('hyper-done').addEventListener('click', () => {
    const level = Number($('hyper-level').value);
    setPreference('soft_noise_comfortable_db', level);
    // The music never goes above the level that was still comfortable.
    if (level < 0) setField('maxLufs', clamp((getField('maxLufs') ?? -30) + level, -70, -20));
    $('hyper-result').textContent = `Comfortable up to ${level} dB on this scale; the loudest allowed level is lowered to match.`;
  });
}

const pitch = new PitchMatch(player, hooks);

export function initWizard() {
  for (const b of document.querySelectorAll('#wizard-steps button')) b.addEventListener('click', () => show(b.dataset.step));
  initComfortable();
  initThreshold();
  pitch.init();
  initLoudness();
  initHyperacusis();
}
