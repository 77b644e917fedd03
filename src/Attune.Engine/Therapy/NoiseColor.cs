namespace Attune.Engine.Therapy;

/// <summary>Spectral colour of a <see cref="NoiseGenerator"/>.</summary>
public enum NoiseColor
{
    /// <summary>Flat power spectral density.</summary>
    White,
    /// <summary>−3 dB/octave (equal power per octave), the usual sound-generator and hyperacusis noise (Formby 2003).</summary>
    Pink,
    /// <summary>−6 dB/octave (leaky-integrated white), a dark, soft rumble.</summary>
    Brown,
    /// <summary>About ⅓-octave band-pass noise around a centre frequency (e.g. the tinnitus frequency).</summary>
    NarrowBand,
}
