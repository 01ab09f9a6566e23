/**
 * st.camera_input in the browser.
 *
 * The widget shows the camera (getUserMedia); "Take photo" puts a JPEG of the
 * frame into the widget's file control and fires its `change`, so reactive.js
 * uploads it like a chosen file and sends its token as the widget's value (or
 * keeps it for the submit of the widget's form). "Clear photo" sends None
 * (the same way) and shows the camera again. The photo taken is
 * shown from memory; after a reload the widget shows its file name.
 */

/** Widget id -> object URL of the photo taken for it on this page. */
const photos = new Map();

const partsOf = (box) => ({
  video: box.querySelector("video"),
  photo: box.querySelector(".rx-camera-view img"),
  note: box.querySelector(".rx-camera-note"),
  input: box.querySelector('input[type="file"]'),
  take: box.querySelector(".rx-camera-take"),
  clear: box.querySelector(".rx-camera-clear"),
});

/** Whether the server holds a photo for the widget (its control carries the photo's token). */
const hasPhoto = (input) => Boolean(input.dataset.reactiveTokens) && input.dataset.reactiveTokens !== "[]";

function stopCamera(video) {
  for (const track of video.srcObject?.getTracks() ?? []) track.stop();
  video.srcObject = null;
  video.hidden = true;
}

/** Show the camera; "Take photo" (rendered disabled) is enabled once its picture plays. */
async function startCamera(box) {
  const { video, note, input, take } = partsOf(box);
  const ready = () => { take.disabled = input.disabled; };
  video.hidden = false;
  if (video.srcObject && video.readyState >= video.HAVE_CURRENT_DATA) ready();
  else video.addEventListener("playing", ready, { once: true });
  if (video.srcObject) return;
  const height = Number(box.dataset.rxHeight);
  try {
    video.srcObject = await navigator.mediaDevices.getUserMedia({
      audio: false, video: height ? { height: { ideal: height } } : true,
    });
  } catch (error) {
    video.hidden = true;
    note.textContent = `${box.dataset.rxUnavailable} (${error.name || error})`;
  }
}

function forget(wid) {
  if (photos.has(wid)) URL.revokeObjectURL(photos.get(wid));
  photos.delete(wid);
}

/** Show what the server says: the photo taken (or its name), or the camera. */
export function mount(el) {
  const box = el.querySelector(".rx-camera");
  if (!box) return;
  const { video, photo, input } = partsOf(box);
  const wid = input.dataset.reactiveWidget;
  if (hasPhoto(input)) {
    stopCamera(video);
    photo.hidden = !photos.has(wid);
    if (photos.has(wid)) photo.src = photos.get(wid);
  } else {
    forget(wid);
    photo.hidden = true;
    if (input.disabled) stopCamera(video);
    else startCamera(box);
  }
}

function takePhoto(box) {
  const { video, photo, input, take, clear } = partsOf(box);
  if (!video.srcObject || !video.videoWidth) {
    startCamera(box);
    return;
  }
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d").drawImage(video, 0, 0);
  canvas.toBlob((blob) => {
    // Streamlit's name for a photo.
    const name = `camera-input-${new Date().toISOString().replaceAll(":", "_")}.jpg`;
    const files = new DataTransfer();
    files.items.add(new File([blob], name, { type: "image/jpeg" }));
    input.files = files.files;
    const wid = input.dataset.reactiveWidget;
    forget(wid);
    photos.set(wid, URL.createObjectURL(blob));
    photo.src = photos.get(wid);
    photo.hidden = false;
    stopCamera(video);
    take.hidden = true;
    clear.hidden = false;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, "image/jpeg", 0.92);
}

/** Send "no photo" (there is nothing to upload): at once, or with the submit of the widget's form. */
function sendCleared(input) {
  input.value = "";
  input.dataset.reactiveTokens = "";
  const root = input.closest(".reactive-view");
  const view = window.djangoReactive?.views.find((v) => v.el === root);
  const wid = input.dataset.reactiveWidget;
  if (!view) return;
  if (input.closest("[data-reactive-form]")) view.formEdits.add(wid);
  else view.emit({ [wid]: null });
}

function clearPhoto(box) {
  const { photo, note, input, take, clear } = partsOf(box);
  forget(input.dataset.reactiveWidget);
  photo.hidden = true;
  note.textContent = "";
  take.hidden = false;
  clear.hidden = true;
  sendCleared(input);
  startCamera(box);
}

document.addEventListener("click", (ev) => {
  const button = ev.target.closest?.(".rx-camera-take, .rx-camera-clear");
  const box = button?.closest(".rx-camera");
  if (!box || button.disabled) return;
  if (button.classList.contains("rx-camera-take")) takePhoto(box);
  else clearPhoto(box);
});
