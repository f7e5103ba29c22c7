// The lead image stays on the publisher's site; it loads only when the reader asks, so that
// opening an article tells no other host who reads it. Without script, the link opens it.
for (const link of document.querySelectorAll(".na-figure__show")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const frame = link.closest(".na-figure__frame");
    const image = document.createElement("img");
    image.className = "na-figure__image";
    image.alt = ""; // the caption below says what it shows
    image.referrerPolicy = "no-referrer";
    image.src = link.href;
    frame.replaceWith(image);
  });
}
