using Microsoft.JSInterop;

namespace Attune.Server.Components.Patient;

/// <summary>Releasing a component's ES module when the component goes, which may be after the page itself has gone.</summary>
internal static class JsModule
{
    /// <summary>Calls <paramref name="lastCall"/> (if any) and disposes the module; a page already gone has nothing left to release.</summary>
    public static async ValueTask ReleaseAsync(IJSObjectReference? module, string? lastCall = null)
    {
        if (module is null) return;
        try
        {
            if (lastCall is not null) await module.InvokeVoidAsync(lastCall);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The page is gone, and with it the module and anything it held open (such as the live socket).
        }
    }
}
