// Just-audible level by a descending/ascending staircase (10 dB down after "heard", 5 dB up after "not heard",
// as in the modified Hughson–Westlake procedure, ISO 8253-1): the threshold is the lowest level heard on two ascending runs.
export class ThresholdStaircase {
  static MIN = -60;
  static MAX = 0;
  static MAX_TRIALS = 16;

  constructor(startDb) {
    this.level = startDb;
    this.trials = 0;
    this.lastHeard = null;
    this.ascendingHeard = new Map();
    this.threshold = null;
  }

  /** Records one answer; returns the threshold once found, else null (this.level is the next level to play). */
  answer(heard) {
    this.trials++;
    if (heard && this.lastHeard === false) {
      const count = (this.ascendingHeard.get(this.level) || 0) + 1;
      this.ascendingHeard.set(this.level, count);
      if (count >= 2) this.threshold = this.level;
    }
    if (heard && this.level <= ThresholdStaircase.MIN) this.threshold = ThresholdStaircase.MIN;
    if (this.threshold === null && this.trials >= ThresholdStaircase.MAX_TRIALS) {
      const levels = [...this.ascendingHeard.keys()];
      this.threshold = levels.length ? Math.min(...levels) : this.level;
    }
    this.lastHeard = heard;
    if (this.threshold !== null) return this.threshold;
    this.level = Math.min(ThresholdStaircase.MAX, Math.max(ThresholdStaircase.MIN, this.level + (heard ? -10 : 5)));
    return null;
  }
}
