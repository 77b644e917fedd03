using System.CommandLine;
using Attune.Engine;
using Attune.Engine.Audio;
using Attune.Engine.Sensing;

namespace Attune.Cli;

/// <summary>The `attune` command: builds the command tree and maps every input error to one line and exit status 2.</summary>
public static class CliApp
{
    public const int ExitOk = 0, ExitUsage = 2, ExitFailure = 1;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Attune: adaptive, generative music therapy for tinnitus, hyperacusis and misophonia.");
        root.Subcommands.Add(RenderCommand.Create(stdout, stderr));
        root.Subcommands.Add(NotchCommand.Create(stdout, stderr));
        root.Subcommands.Add(DemoCommand.Create(stdout, stderr));
        root.Subcommands.Add(ModelCommands.Create(stdout, stderr));
        root.Subcommands.Add(BleCommand.Create(stdout, stderr));
        root.Subcommands.Add(HrvCommand.Create(stdout, stderr));
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"attune: {parsed.Errors[0].Message}");
            return ExitUsage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"attune: {e.Message}");
            return ExitUsage;
        }
        catch (ProfileValidationException e)
        {
            stderr.WriteLine($"attune: {OptionNames.ForField(e.Field)}: {Detail(e)}");
            return ExitUsage;
        }
        catch (ModelUsageException e)
        {
            stderr.WriteLine($"attune: {e.Message}");
            return ExitUsage;
        }
        catch (UnsupportedAudioException e)
        {
            stderr.WriteLine($"attune: --in: {e.Message}");
            return ExitUsage;
        }
        catch (RrImportException e)
        {
            stderr.WriteLine($"attune: --rr: {e.Message}");
            return ExitUsage;
        }
    }

    private static string Detail(ProfileValidationException e)
    {
        string m = e.Message;
        int paren = m.LastIndexOf(" (Parameter", StringComparison.Ordinal);
        if (paren >= 0) m = m[..paren];
        string prefix = e.Field + ": ";
        return m.StartsWith(prefix, StringComparison.Ordinal) ? m[prefix.Length..] : m;
    }
}
