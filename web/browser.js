// What the app asks of the browser that C++ cannot do itself: the document store (IndexedDB),
// settings (localStorage), share links (CompressionStream) and files dropped on the map.
// Included in lowsky.js with --pre-js; web/browser_store.cpp and web/platform_web.cpp call in.
Module.lowskyBrowser = (function () {
  'use strict';

  // A JS string handed to C++ for the length of one call.
  function withUTF8(text, fn) {
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    try { return fn(ptr, size - 1); } finally { _free(ptr); }
  }
  function withBytes(bytes, fn) {
    const ptr = _malloc(Math.max(1, bytes.length));
    HEAPU8.set(bytes, ptr);
    try { return fn(ptr, bytes.length); } finally { _free(ptr); }
  }

  // What a storage failure means, in words a planner can act on.
  function explain(error) {
    const name = error && error.name;
    if (name === 'QuotaExceededError') return "the browser's storage for this page is full: download the scenario, then delete old ones from Recent";
    if (name === 'SecurityError' || name === 'InvalidStateError') return 'the browser keeps no storage for this page (a private window?): download the scenario to keep it';
    if (typeof indexedDB === 'undefined') return 'this browser has no IndexedDB: download the scenario to keep it';
    return 'the browser refused to store it (' + (name || 'error') + ': ' + ((error && error.message) || String(error)) + ')';
  }

  let opening = null;
  function database() {
    if (opening) return opening;
    opening = new Promise(function (resolve, reject) {
      let request;
      try { request = indexedDB.open('lowsky', 1); } catch (e) { reject(e); return; }
      request.onupgradeneeded = function () {
        const db = request.result;
        db.createObjectStore('meta', { keyPath: 'id' });
        db.createObjectStore('text');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error || new Error('IndexedDB would not open')); };
      request.onblocked = function () { reject(new Error('IndexedDB is held by another tab')); };
    });
    opening.catch(function () { opening = null; });  // try again next time
    return opening;
  }
  function transaction(stores, mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        const tx = db.transaction(stores, mode);
        let result;
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error || new Error('the write was abandoned')); };
        result = work(tx);
      });
    });
  }
  function answer(request, error, text) {
    const message = error ? explain(error) : '';
    withUTF8(message, function (m) {
      withUTF8(text || '', function (t, n) { Module._lowsky_store_answer(request, error ? m : 0, t, n); });
    });
  }
  function requestValue(req) {
    return new Promise(function (resolve, reject) { req.onsuccess = function () { resolve(req.result); }; req.onerror = function () { reject(req.error); }; });
  }

  return {
    storePut: function (request, id, metaJson, text) {
      const meta = JSON.parse(metaJson);
      transaction(['meta', 'text'], 'readwrite', function (tx) {
        tx.objectStore('text').put(text, id);
        tx.objectStore('meta').put(meta);
      }).then(function () { answer(request, null); }, function (e) { answer(request, e); });
    },
    storeGet: function (request, id) {
      transaction(['text'], 'readonly', function (tx) { return requestValue(tx.objectStore('text').get(id)); })
        .then(function (p) { return p; })
        .then(function (text) {
          if (typeof text !== 'string') answer(request, { name: 'NotFound', message: 'no such document: ' + id });
          else answer(request, null, text);
        }, function (e) { answer(request, e); });
    },
    storeList: function (request) {
      transaction(['meta'], 'readonly', function (tx) { return requestValue(tx.objectStore('meta').getAll()); })
        .then(function (p) { return p; })
        .then(function (all) { answer(request, null, JSON.stringify(all || [])); }, function (e) { answer(request, e); });
    },
    storeRename: function (request, id, name) {
      transaction(['meta'], 'readwrite', function (tx) {
        const store = tx.objectStore('meta');
        const get = store.get(id);
        get.onsuccess = function () { if (get.result) { get.result.name = name; store.put(get.result); } };
      }).then(function () { answer(request, null); }, function (e) { answer(request, e); });
    },
    storeRemove: function (request, id) {
      transaction(['meta', 'text'], 'readwrite', function (tx) {
        tx.objectStore('meta').delete(id);
        tx.objectStore('text').delete(id);
      }).then(function () { answer(request, null); }, function (e) { answer(request, e); });
    },

    settingGet: function (key) {
      try { const v = localStorage.getItem('lowsky.' + key); return v === null ? null : v; } catch (e) { return null; }
    },
    settingSet: function (key, value) {
      try { localStorage.setItem('lowsky.' + key, value); return true; } catch (e) { return false; }
    },

    // Share links: the document deflated into the URL's fragment, base64url.
    shareEncode: function (text, view) {
      const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      return new Response(stream).arrayBuffer().then(function (buffer) {
        const bytes = new Uint8Array(buffer);
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        const fragment = '#s=' + data + '&v=' + view;
        const link = location.origin + location.pathname + fragment;
        history.replaceState(null, '', fragment);
        try { navigator.clipboard.writeText(link).catch(function () {}); } catch (e) { /* no clipboard: the link is in the address bar */ }
        withUTF8(link, function (p) { Module._lowsky_share_made(p); });
      });
    },
    // Reads a share fragment, if the page was opened with one, and hands the document over.
    shareTake: function () {
      const hash = location.hash;
      if (!hash.startsWith('#s=')) return false;
      history.replaceState(null, '', location.pathname);  // a reload opens the autosave, not the link again
      const parts = hash.slice(3).split('&v=');
      const report = function (error, text, view) {
        withUTF8(error || '', function (e) {
          withUTF8(text || '', function (t, n) {
            withUTF8(view || '', function (v) { Module._lowsky_share_opened(error ? e : 0, t, n, v); });
          });
        });
      };
      let bytes;
      try {
        if (!/^[A-Za-z0-9_-]*$/.test(parts[0])) throw new Error('the link holds characters a share link does not');
        const binary = atob(parts[0].replace(/-/g, '+').replace(/_/g, '/'));
        bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
      } catch (e) { report('the link is damaged: ' + e.message); return true; }
      // Inflate with a limit: a hostile link must not fill the memory.
      const limit = 64 * 1024 * 1024;
      const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
      const chunks = [];
      let total = 0;
      const pump = function () {
        return reader.read().then(function (r) {
          if (r.done) return;
          total += r.value.length;
          if (total > limit) { reader.cancel(); throw new Error('it unpacks to more than 64 MB'); }
          chunks.push(r.value);
          return pump();
        });
      };
      pump().then(function () {
        const all = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) { all.set(c, at); at += c.length; }
        let text;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(all); } catch (e) { throw new Error('it does not unpack to UTF-8 text'); }
        report(null, text, parts[1] || '');
      }).catch(function (e) { report('the link is damaged: ' + (e && e.message ? e.message : String(e))); });
      return true;
    },

    // Files dropped on the map go where a picked file goes.
    watchDrops: function (canvas) {
      canvas.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
      canvas.addEventListener('drop', function (e) {
        e.preventDefault();
        const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (!file) return;
        file.arrayBuffer().then(function (buffer) {
          withUTF8(file.name, function (name) {
            withBytes(new Uint8Array(buffer), function (data, size) { Module._lowsky_file_dropped(name, data, size); });
          });
        });
      });
    },
    withUTF8: withUTF8,
  };
})();
