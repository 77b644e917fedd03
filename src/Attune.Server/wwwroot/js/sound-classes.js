// Plain words for the engine's SoundClass names, and everyday trigger categories mapped onto them.
export const SOUND_CLASSES = [
  ['TonalSustained', 'Long held notes and drones'],
  ['TonalStruck', 'Plucked or struck notes (piano, bass)'],
  ['Metallic', 'Bells, chimes, clinking metal'],
  ['PercussiveClicky', 'Taps, clicks and ticks'],
  ['Breathy', 'Breath-like air sounds'],
  ['WaterLike', 'Water: rain, streams, waves'],
  ['WindLike', 'Wind'],
  ['Rustling', 'Rustling, crackling, paper'],
  ['SteadyNoise', 'Steady hiss or rushing noise'],
];

// A misophonia trigger leaves out every class of music sound that resembles it.
export const TRIGGER_CATEGORIES = [
  ['eating', 'Eating, chewing, lip smacking', ['PercussiveClicky', 'WaterLike']],
  ['breathing', 'Breathing, sniffing, sighing', ['Breathy', 'WindLike']],
  ['tapping', 'Tapping, typing, pen clicking', ['PercussiveClicky']],
  ['rustling', 'Rustling bags or paper', ['Rustling']],
  ['slurping', 'Slurping, dripping water', ['WaterLike']],
  ['humming', 'Humming or whistling', ['TonalSustained']],
  ['clinking', 'Clinking cutlery or keys', ['Metallic']],
  ['hissing', 'Hissing fans or air vents', ['SteadyNoise', 'WindLike']],
];

export const labelOf = (name) => (SOUND_CLASSES.find(([n]) => n.toLowerCase() === String(name).toLowerCase()) || [name, name])[1];
