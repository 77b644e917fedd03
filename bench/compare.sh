#!/usr/bin/env bash
# Whole-process comparisons for the README: Attune against sox (notched pink noise) and against
# FluidSynth (the same notes). Medians of repeated runs with hyperfine.
# Needs: sox, fluidsynth, fluid-soundfont-gm, hyperfine (apt-get install sox fluidsynth fluid-soundfont-gm hyperfine).
# Usage: bench/compare.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=$(mktemp -d)
dotnet build src/Attune.Cli -c Release -v q >/dev/null
attune=src/Attune.Cli/bin/Release/net10.0/attune
sf2=/usr/share/sounds/sf2/FluidR3_GM.sf2

echo "== 10 min of pink noise notched one octave at 4 kHz, 48 kHz stereo 16-bit WAV"
hyperfine --runs "$runs" --warmup 1 --export-json "$out/noise.json" \
  -n attune "$attune render --mode noise --color pink --tinnitus-hz 4000 --minutes 10 --out $out/attune-noise.wav" \
  -n sox "sox -n -r 48000 -c 2 -b 16 $out/sox-noise.wav synth 600 pinknoise gain -6 sinc -a 60 -t 100 5657-2828 -t 100"

echo "== 10 min of fractal tones (notched at 6 kHz) against FluidSynth rendering the same notes"
$attune render --mode fractal --tinnitus-hz 6000 --minutes 10 --out "$out/f.wav" --export-midi "$out/f.mid" >/dev/null
hyperfine --runs "$runs" --warmup 1 --export-json "$out/fractal.json" \
  -n attune "$attune render --mode fractal --tinnitus-hz 6000 --minutes 10 --out $out/f.wav" \
  -n fluidsynth "fluidsynth -ni -q -F $out/fluid.wav -r 48000 $sf2 $out/f.mid"
sox --i -D "$out/fluid.wav" | sed 's/^/fluidsynth output seconds: /'

echo "== 10 min of generated music (the full notched 'music' chain) against FluidSynth rendering the same notes"
$attune render --mode music --tinnitus-hz 6000 --arousal-start 0.7 --arousal-end 0.3 --minutes 10 --out "$out/m.wav" --export-midi "$out/m.mid" >/dev/null
hyperfine --runs "$runs" --warmup 1 --export-json "$out/music.json" \
  -n attune "$attune render --mode music --tinnitus-hz 6000 --arousal-start 0.7 --arousal-end 0.3 --minutes 10 --out $out/m.wav" \
  -n fluidsynth "fluidsynth -ni -q -F $out/fluid-m.wav -r 48000 $sf2 $out/m.mid"
sox --i -D "$out/fluid-m.wav" | sed 's/^/fluidsynth output seconds: /'
echo "results: $out"
