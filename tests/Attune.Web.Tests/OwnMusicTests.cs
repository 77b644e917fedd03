using Attune.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.Web.Tests;

/// <summary>"Notch your own music" (Components/Patient/OwnMusic.razor, js/own-music.js) against the server's /api/notch.</summary>
public sealed class OwnMusicTests(WebAppFixture app)
{
    [Fact]
    public async Task A_wav_is_sent_as_it_is_and_another_format_is_decoded_in_the_page_and_both_come_back_notched_for_download()
    {
        var page = await app.NewPageAsync();
        await Person.RegisterAsync(page);
        await page.ClickAsync("[data-view=live]");
        byte[] wav = SineWav(seconds: 1);

        // No pitch yet: the page says what is missing instead of sending anything.
        await page.SetInputFilesAsync("#notch-file", new FilePayload { Name = "tune.wav", MimeType = "audio/wav", Buffer = wav });
        await page.ClickAsync("#notch-form button[type=submit]");
        await Expect(page.Locator("#notch-status")).ToContainTextAsync("Set your tinnitus pitch");
        await Expect(page.Locator("#notch-status")).ToHaveClassAsync("error");

        // The pitch typed into the profile form (not yet saved) is the one used.
        await page.ClickAsync("[data-view=profile]");
        await page.FillAsync("#tinnitusHz", "4000");
        await page.ClickAsync("[data-view=live]");
        foreach (string name in new[] { "tune.wav", "tune.flac" })
        {
            // The same WAV bytes named .flac: not a format the server parses, so the page decodes it with decodeAudioData.
            await page.SetInputFilesAsync("#notch-file", new FilePayload { Name = name, MimeType = "audio/wav", Buffer = wav });
            await page.ClickAsync("#notch-form button[type=submit]");
            var link = page.Locator("#notch-status a[download]");
            await Expect(link).ToHaveAttributeAsync("download", "tune-notched.wav");
            // Downloaded as a person would: the link is clicked and the browser saves the file.
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal("tune-notched.wav", download.SuggestedFilename);
            await using var saved = await download.CreateReadStreamAsync();
            using var copy = new MemoryStream();
            await saved.CopyToAsync(copy, TestContext.Current.CancellationToken);
            byte[] bytes = copy.ToArray();
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
            Assert.True(bytes.Length >= 48_000 * 2 * 2 * 0.95, $"{name}: the notched WAV holds {bytes.Length} bytes, less than the second sent");
            await Expect(page.Locator("#notch-status")).Not.ToHaveClassAsync("error");
        }
    }

    // One second of a 440 Hz tone, 48 kHz stereo PCM16, at −20 dBFS.
    private static byte[] SineWav(double seconds)
    {
        int frames = (int)(48_000 * seconds), dataBytes = frames * 4;
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write("RIFF"u8); w.Write(36 + dataBytes); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)2); w.Write(48_000); w.Write(48_000 * 4); w.Write((short)4); w.Write((short)16);
        w.Write("data"u8); w.Write(dataBytes);
        for (int i = 0; i < frames; i++)
        {
            short s = (short)(0.1 * short.MaxValue * Math.Sin(2 * Math.PI * 440 * i / 48_000.0));
            w.Write(s);
            w.Write(s);
        }
        w.Flush();
        return stream.ToArray();
    }
}
