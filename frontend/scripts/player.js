/*
 * The lecture player's heartbeat (plain script, loaded at run time). Every few seconds, and whenever playing
 * stops, jumps or the page is hidden or shown, it reports the span since its last report: played from `from`
 * to `position` (seconds of the video), or not playing, and whether the page was hidden meanwhile. The server
 * decides what that is worth; a report that got no answer is sent again unchanged (the server ignores a
 * sequence number it has seen, so a retry never counts twice).
 */
(function () {
  'use strict';

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function attachSource(video, cfg) {
    var nativeHls = video.canPlayType('application/vnd.apple.mpegurl');
    if (cfg.hls && !nativeHls) {
      return loadScript(cfg.hlsLibrary).then(function () {
        if (window.Hls && window.Hls.isSupported()) {
          var hls = new window.Hls();
          hls.loadSource(cfg.source);
          hls.attachMedia(video);
        } else {
          video.src = cfg.source;
        }
      });
    }
    video.src = cfg.source;
    return Promise.resolve();
  }

  function start(video, cfg) {
    var seq = 0;
    var segmentStart = null;   // where continuous playing began in the current span, or null when not playing
    var lastTime = 0;          // the last position seen before a jump
    var hiddenSpan = document.hidden;
    var queue = Promise.resolve();
    var stopped = false;

    function post(body, attempt) {
      return fetch(cfg.heartbeatUrl, {
        method: 'POST', credentials: 'same-origin', keepalive: true,
        headers: {'Content-Type': 'application/json'}, body: body
      }).then(function (response) {
        if (response.ok) {
          return response.json().then(function (reply) {
            video.dispatchEvent(new CustomEvent('college-progress', {detail: reply}));
          });
        }
        if (response.status === 409) {
          stopped = true;
          video.pause();
          video.dispatchEvent(new CustomEvent('college-elsewhere'));
          return null;
        }
        if (response.status >= 500 && attempt < 4) {
          return retry(body, attempt);
        }
        return null;
      }, function () {
        return attempt < 4 ? retry(body, attempt) : null;
      });
    }

    function retry(body, attempt) {
      return new Promise(function (resolve) {
        setTimeout(resolve, 1000 * Math.pow(2, attempt));
      }).then(function () {
        return post(body, attempt + 1);
      });
    }

    function send(playing, from, position) {
      if (stopped) {
        return;
      }
      seq += 1;
      var body = JSON.stringify({
        token: cfg.token, seq: seq, playing: playing, hidden: hiddenSpan,
        from: Math.max(0, from || 0), position: Math.max(0, position || 0), rate: video.playbackRate || 1
      });
      queue = queue.then(function () {
        return post(body, 0);
      });
    }

    /* Reports the span that ends now; the next span starts here. */
    function flush(position) {
      if (segmentStart !== null) {
        send(true, segmentStart, position);
        segmentStart = video.paused || video.ended ? null : video.currentTime;
      } else {
        send(false, video.currentTime, video.currentTime);
      }
      hiddenSpan = document.hidden;
    }

    video.addEventListener('loadedmetadata', function () {
      if (!cfg.live && cfg.resumeAt > 0 && cfg.resumeAt < video.duration - 1) {
        video.currentTime = cfg.resumeAt;
        lastTime = cfg.resumeAt;
      }
    });
    video.addEventListener('playing', function () {
      if (segmentStart === null) {
        segmentStart = video.currentTime;
      }
    });
    video.addEventListener('timeupdate', function () {
      if (!video.seeking) {
        lastTime = video.currentTime;
      }
    });
    video.addEventListener('seeking', function () {
      if (segmentStart !== null) {
        send(true, segmentStart, lastTime);
        hiddenSpan = document.hidden;
      }
      segmentStart = null;
    });
    video.addEventListener('seeked', function () {
      lastTime = video.currentTime;
      if (!video.paused) {
        segmentStart = video.currentTime;
      }
    });
    video.addEventListener('pause', function () {
      flush(video.currentTime);
    });
    video.addEventListener('ended', function () {
      flush(video.duration);
    });
    document.addEventListener('visibilitychange', function () {
      flush(video.currentTime);
    });
    window.addEventListener('pagehide', function () {
      flush(video.currentTime);
    });
    var timer = setInterval(function () {
      if (stopped || !document.body.contains(video)) {
        clearInterval(timer);
        return;
      }
      flush(video.currentTime);
    }, cfg.intervalSeconds * 1000);

    return attachSource(video, cfg);
  }

  window.collegePlayer = {start: start};
})();
