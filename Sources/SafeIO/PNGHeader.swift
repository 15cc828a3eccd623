/// The size a PNG file claims, read from its first 33 bytes (signature and IHDR chunk), so an
/// image can be refused before any decoder allocates what the header asks for.
public struct PNGHeader: Equatable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The eight bytes every PNG file starts with.
  public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  /// Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4) + 5 more fields + CRC (4).
  public static let byteCount = 33

  /// The header of `bytes`, or a reason it is not a PNG header.
  public static func parse(_ bytes: [UInt8]) -> Result<PNGHeader, PNGHeaderProblem> {
    guard bytes.count >= byteCount, Array(bytes[0..<8]) == signature else {
      return .failure(PNGHeaderProblem(message: "is not a PNG file"))
    }
    func uint32(_ at: Int) -> Int {
      Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }
    guard uint32(8) == 13, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
      return .failure(PNGHeaderProblem(message: "is not a PNG file (its first chunk is not IHDR)"))
    }
    let header = PNGHeader(width: uint32(16), height: uint32(20))
    guard header.width > 0, header.height > 0 else {
      return .failure(PNGHeaderProblem(message: "claims an empty \(header.width)×\(header.height) image"))
    }
    return .success(header)
  }
}

/// Why a header is not a usable PNG header.
public struct PNGHeaderProblem: Error, Equatable, Sendable {
  public var message: String
}
