namespace Attune.Engine.Sensing;

/// <summary>Skin-contact status of a BLE heart-rate sensor (flags bits 1–2 of characteristic 0x2A37).</summary>
public enum SensorContact
{
    NotSupported,
    Detected,
    NotDetected,
}
