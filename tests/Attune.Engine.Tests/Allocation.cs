namespace Attune.Engine.Tests;

/// <summary>
/// Allocation checks that a loaded machine cannot fool: the work runs twice and the smaller count is
/// returned. A per-call allocation shows in both runs; a one-time runtime allocation (tiered JIT, a
/// type initialiser) lands in at most one of them.
/// </summary>
internal static class Allocation
{
    public static long LeastOfTwo(Action work)
    {
        long first = Measure(work);
        long second = Measure(work);
        return Math.Min(first, second);
    }

    private static long Measure(Action work)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
