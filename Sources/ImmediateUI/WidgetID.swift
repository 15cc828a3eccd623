/// A widget's identity: a 64-bit FNV-1a hash of its label within its ID scope.
///
/// FNV-1a is ours rather than `Hasher` because `Hasher` is seeded randomly per process, and IDs
/// must be the same in every run (tests pin exact values).
public struct WidgetID: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt64

  public init(rawValue: UInt64) { self.rawValue = rawValue }

  /// The FNV-1a offset basis: the hash of the empty string and the root scope's seed.
  public static let root = WidgetID(rawValue: 0xcbf2_9ce4_8422_2325)

  /// FNV-1a-64 of `label`'s UTF-8 bytes, continuing from `seed`: h = (h XOR byte) · 0x100000001b3.
  public static func fnv1a(_ label: String, seed: UInt64 = root.rawValue) -> UInt64 {
    var h = seed
    for byte in label.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }

  /// The ID of `label` inside the scope `self`. A 0xFF byte (never part of UTF-8) separates
  /// scope from label, so scopes "ab"+"c" and "a"+"bc" differ. The root scope adds no separator,
  /// so a top-level label's ID is the plain FNV-1a hash of its text.
  public func child(_ label: String) -> WidgetID {
    if self == .root { return WidgetID(rawValue: WidgetID.fnv1a(label)) }
    let separated = (rawValue ^ 0xFF) &* 0x0000_0100_0000_01b3
    return WidgetID(rawValue: WidgetID.fnv1a(label, seed: separated))
  }

  /// The ID of the `index`th part of a compound widget (a segment, a dropdown row).
  public func child(index: Int) -> WidgetID { child("#\(index)") }

  public var description: String {
    let hex = String(rawValue, radix: 16)
    return "#" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
