namespace Attune.Engine.Composition.Model;

/// <summary>
/// The JSB benchmark metric (Boulanger-Lewandowski et al. 2012; Bai, Kolter &amp; Koltun 2018):
/// for every chorale, −log p(frame t | frames 1..t−1) over the 2^88 key states for t = 2..T,
/// averaged over all scored frames of the split, in nats.
/// </summary>
public static class ChoraleEvaluator
{
    public static NllReport Evaluate(ChoraleNade model, IReadOnlyList<int[][]> chorales)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chorales);
        var ws = model.CreateWorkspace();
        double total = 0;
        int frames = 0;
        foreach (var chorale in chorales)
        {
            for (int t = 1; t < chorale.Length; t++)
            {
                model.Load(chorale, t, 0, ws);
                model.Condition(ws);
                total += model.Forward(ws);
                frames++;
            }
        }
        return new NllReport(chorales.Count, frames, frames == 0 ? double.NaN : total / frames);
    }
}
