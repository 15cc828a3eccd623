import SDLFrontend
import Testing

/// `--renderer software|opengl|auto`: which SDL driver each choice opens.
@Suite struct RendererChoiceTests {
  @Test func explicitChoicesNameTheirDriverAndNeverFallBack() {
    for env in [[:], ["SDL_RENDER_DRIVER": "opengles2"]] {
      for gpu in [false, true] {
        #expect(RendererChoice.software.driver(environment: env, hasGPU: gpu) == .init(name: "software", fallsBack: false))
        #expect(RendererChoice.opengl.driver(environment: env, hasGPU: gpu) == .init(name: "opengl", fallsBack: false))
      }
    }
  }

  @Test func autoTakesSDLRenderDriverThenTheGPU() {
    #expect(RendererChoice.auto.driver(environment: ["SDL_RENDER_DRIVER": "OpenGL"], hasGPU: false)
      == .init(name: "opengl", fallsBack: true))
    #expect(RendererChoice.auto.driver(environment: [:], hasGPU: true) == .init(name: nil, fallsBack: true))
    #expect(RendererChoice.auto.driver(environment: [:], hasGPU: false).isSoftware)
    #expect(RendererChoice.auto.driver(environment: ["SDL_RENDER_DRIVER": ""], hasGPU: false).isSoftware)
  }

  @Test func thisSDLHasTheSoftwareAndOpenGLDrivers() {
    let drivers = RendererChoice.availableDrivers
    #expect(drivers.contains("software") && drivers.contains("opengl"), "\(drivers)")
  }
}
