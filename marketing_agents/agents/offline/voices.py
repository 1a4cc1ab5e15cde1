"""The offline writers' voices: vocabulary and templates per tone family.

A brief's free-text tone ("Inspiring", "bold and energetic", "Premium") is mapped to a
family by keywords; each family has its own headlines, openers, calls to action, closers,
poster moods and palettes. Templates use ``{product}``, ``{theme}``, ``{audience}`` and
``{benefit}``; a template whose placeholder is empty (e.g. a theme that was dropped for
naming an avoided topic) is skipped. No template makes a claim that needs evidence
(no superlatives, guarantees or generic green claims): such words only ever come from
the brief itself, which is what lets the auditor catch them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voice:
    name: str
    cues: tuple[str, ...]  # substrings of a tone that select this voice
    summary: str
    headlines: tuple[str, ...]
    openers: tuple[str, ...]
    intros: tuple[str, ...]
    theme_lines: tuple[str, ...]
    values: tuple[str, ...]
    closers: tuple[str, ...]
    ctas: tuple[str, ...]
    required: str  # sentence carrying a required concept: {product}, {concept}
    mood: tuple[str, ...]
    style: tuple[str, ...]
    palettes: tuple[tuple[str, str, str, str], ...]  # background, text, accent, accent text
    emoji: str = ""


VOICES: tuple[Voice, ...] = (
    Voice(
        "inspiring",
        ("inspir", "uplift", "aspir", "hope", "motivat", "empower", "optimis"),
        "Inspiring: uplifting, hopeful language that invites {audience} to act",
        (
            "{theme}",
            "{product}: small choices, real change",
            "Made for {audience}",
            "Imagine what {product} makes possible",
        ),
        ("Every change starts with a simple choice.", "Imagine a day where your choices match your values."),
        ("Meet {product}, made for {audience}.", "{product} is here for {audience}, ready for every day."),
        ("{theme}: a fresh start worth sharing.", "{theme} is your invitation to begin."),
        (
            "It is a small step that adds up, day after day.",
            "Carry it with you and let it remind you what you stand for.",
        ),
        ("Let's make it count, together.", "The future is yours to shape."),
        ("Discover {product}", "Start your journey with {product}", "Join the movement", "Make the switch today"),
        "{product} is designed with {concept} in mind.",
        ("uplifting", "hopeful", "bright"),
        ("clean", "photographic", "airy"),
        (("#F4F9F4", "#1B4332", "#2D6A4F", "#FFFFFF"), ("#FFF8E7", "#3D2C00", "#E07A00", "#1A1200")),
    ),
    Voice(
        "playful",
        ("play", "fun", "cheek", "witty", "quirk", "humo", "light"),
        "Playful: light, witty and friendly, winking at {audience}",
        ("{theme}", "Say hello to {product}!", "Psst, {audience}: meet {product}", "Fun fact: {benefit}"),
        ("Okay, let's talk about your new favourite thing.", "Plot twist: doing good can be fun."),
        (
            "Meet {product}, the sidekick {audience} didn't know they needed.",
            "{product} just showed up and it's a lot of fun.",
        ),
        ("{theme}, and yes, you're invited.", "{theme}? Count us in."),
        ("It goes where you go, no drama.", "Bring it along and watch the compliments roll in."),
        ("Go on, you know you want to.", "Your future self says thanks."),
        ("Grab your {product}", "Come play", "Try {product}", "Tag a friend"),
        "And yes, {product} comes with {concept} in mind.",
        ("cheerful", "bouncy", "sunny"),
        ("illustrated", "bold shapes", "hand-drawn accents"),
        (("#FFF3B0", "#2B2118", "#E4572E", "#FFFFFF"), ("#E0F7FA", "#0B2B36", "#FF6F91", "#1A0010")),
        "✨",
    ),
    Voice(
        "energetic",
        ("energ", "bold", "excit", "dynamic", "punch", "vibran", "adventur", "power", "sport"),
        "Bold and energetic: short, punchy sentences that get {audience} moving",
        ("{theme}!", "Ready, set, {product}!", "Go further with {product}", "Bring the energy with {product}"),
        ("Big plans? Let's go.", "This is your moment. Own it."),
        ("Meet {product}. Built for {audience} on the move.", "{product} keeps up with {audience}, all day."),
        ("{theme}. It starts now.", "{theme}. No waiting."),
        ("Grab it. Fill it. Go.", "Every day, every adventure, ready when you are."),
        ("Let's move.", "Your next adventure is calling."),
        ("Get {product} today", "Grab yours now", "Jump in", "Let's go"),
        "{product} is built with {concept} in mind.",
        ("energetic", "vivid", "fast"),
        ("high contrast", "dynamic diagonals", "bold type"),
        (("#111111", "#FFFFFF", "#FF5400", "#000000"), ("#0A1F44", "#FFFFFF", "#FFD60A", "#0A1F44")),
        "⚡",
    ),
    Voice(
        "professional",
        (
            "profession",
            "formal",
            "corporate",
            "authorit",
            "expert",
            "informat",
            "serious",
            "business",
            "trust",
            "credib",
            "b2b",
        ),
        "Professional: clear, credible and precise, written for {audience}",
        ("{theme}", "Introducing {product}", "{product}: built for {audience}", "A considered choice: {product}"),
        ("Good decisions start with clear information.", "Here is what you need to know."),
        ("{product} is designed for {audience}.", "Introducing {product}, developed with {audience} in mind."),
        ("{theme}: the details.", "{theme} marks an important step."),
        ("It is built for everyday use and made to last.", "Every detail has been considered."),
        ("We look forward to hearing from you.", "Find out how it fits your routine."),
        ("Learn more about {product}", "Explore {product}", "Request details", "Get started"),
        "{product} has been developed with {concept} in mind.",
        ("confident", "composed", "clear"),
        ("minimal", "grid-based", "corporate photography"),
        (("#FFFFFF", "#1F2937", "#1D4ED8", "#FFFFFF"), ("#F3F4F6", "#111827", "#0F766E", "#FFFFFF")),
    ),
    Voice(
        "luxurious",
        ("luxur", "premium", "elegan", "sophistic", "exclusiv", "refined", "upscale", "high-end"),
        "Luxurious: refined, unhurried and sensory, for {audience} who value craft",
        ("{theme}", "{product}. Refined.", "The art of {product}", "Crafted for {audience}"),
        ("Some things are worth savouring.", "Quiet confidence, in every detail."),
        ("{product}: crafted for {audience}.", "Discover {product}, an object made with intention."),
        ("{theme}, in its most considered form.", "{theme}: an invitation to slow down."),
        ("Its lines are calm, its finish precise.", "Made to be kept, and carried with pride."),
        ("Elegance, made to last.", "Yours, for years to come."),
        ("Discover the collection", "Experience {product}", "Reserve yours", "Explore the details"),
        "Every {product} is made with {concept} in mind.",
        ("serene", "opulent", "intimate"),
        ("editorial", "soft light", "serif typography"),
        (("#0B0B0B", "#F5E6C8", "#B08D57", "#0B0B0B"), ("#F7F3EE", "#2B1D14", "#6B4E2E", "#FFFFFF")),
    ),
    Voice(
        "urgent",
        ("urgen", "limited", "scarc", "fomo", "hurry", " now", "last chance", "deadline"),
        "Urgent: direct, time-aware language that prompts {audience} to act now",
        ("{theme}", "Don't miss {product}", "{product} is here. Are you?", "Now is the moment for {product}"),
        ("Don't wait on this one.", "The moment is now."),
        ("{product} is here for {audience}, starting today.", "{product} has landed for {audience}."),
        ("{theme}: it's happening now.", "{theme} starts today."),
        ("Get it while the launch is on.", "Make your move today."),
        ("Act today.", "Don't wait."),
        ("Shop now", "Claim yours today", "Order now", "Don't wait"),
        "{product} is made with {concept} in mind.",
        ("urgent", "electric", "focused"),
        ("bold type", "countdown motif", "strong contrast"),
        (("#B00020", "#FFFFFF", "#FFD60A", "#1A1A1A"), ("#FFFFFF", "#1A1A1A", "#B00020", "#FFFFFF")),
    ),
    Voice(
        "calm",
        ("calm", "seren", "mindful", "relax", "gentle", "soft", "peace", "minimal"),
        "Calm: gentle, spacious language that gives {audience} room to breathe",
        ("{theme}", "A quieter way with {product}", "{product}, simply", "Breathe easy, {audience}"),
        ("Slow down for a moment.", "Some things are simple, and that is enough."),
        ("{product} is made for {audience} who like things simple.", "Meet {product}, calm and dependable."),
        ("{theme}, at your own pace.", "{theme}, without the noise."),
        ("It fits quietly into your day.", "Nothing extra, nothing missing."),
        ("Take your time.", "Here when you need it."),
        ("Discover {product}", "Take a closer look", "Find your calm", "Learn more"),
        "{product} is made with {concept} in mind.",
        ("tranquil", "soft", "balanced"),
        ("minimal", "natural textures", "generous white space"),
        (("#EEF2EF", "#22333B", "#5E7C6B", "#FFFFFF"), ("#F8F4EC", "#3A3A3A", "#8A6F5A", "#FFFFFF")),
    ),
    Voice(
        "warm",
        ("warm", "friend", "caring", "casual", "conversation", "approach", "empath", "heart", "kind", "family"),
        "Warm: friendly and personal, talking with {audience} like a good friend",
        ("{theme}", "Hello, {product}", "Made with care for {audience}", "Good days start with {product}"),
        ("We made something we think you'll love.", "Let's share a little good news."),
        ("Meet {product}, made with care for {audience}.", "{product} is here, and it's made for you."),
        ("{theme}, and we'd love you to be part of it.", "{theme}: come and see what's new."),
        ("It's the kind of thing you'll reach for every day.", "Simple, dependable and good to have around."),
        ("We can't wait for you to try it.", "Thanks for being part of this."),
        ("Say hello to {product}", "Find your {product}", "Come take a look", "Share it with a friend"),
        "{product} is made with {concept} in mind.",
        ("warm", "welcoming", "golden"),
        ("lifestyle photography", "soft grain", "rounded type"),
        (("#FFF4E6", "#3B2414", "#C8553D", "#FFFFFF"), ("#FDF6EC", "#2F2A24", "#7A4E2D", "#FFFFFF")),
    ),
)
VOICE_BY_NAME = {v.name: v for v in VOICES}
DEFAULT_VOICE = VOICE_BY_NAME["warm"]


def voice_for(tone: str) -> Voice | None:
    """The voice whose cues appear in ``tone`` (first cue wins), or None."""
    lowered = f" {tone.lower()} "
    hits = [(lowered.find(cue), i) for i, v in enumerate(VOICES) for cue in v.cues if cue in lowered]
    if not hits:
        return None
    return VOICES[min(hits)[1]]
